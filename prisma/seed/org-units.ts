// The HHS → CMS → center/office hierarchy. The code is the slash path the OMB inventory's
// Bureau/Component field comes from; every parent is listed before its children, because
// seedOrgUnits() inserts the rows in this order.

export type OrgUnitSeed = {
	/** Slash path, parent code + "/" + short name, e.g. "HHS/CMS/OIT". */
	code: string
	shortName: string
	/** Official full name, as CMS writes it. */
	name: string
	parentCode: string | null
}

export const orgUnits = [
	{
		code: 'HHS',
		shortName: 'HHS',
		name: 'Department of Health and Human Services',
		parentCode: null,
	},
	{
		code: 'HHS/CMS',
		shortName: 'CMS',
		name: 'Centers for Medicare & Medicaid Services',
		parentCode: 'HHS',
	},
	// Centers
	{
		code: 'HHS/CMS/CM',
		shortName: 'CM',
		name: 'Center for Medicare',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/CMCS',
		shortName: 'CMCS',
		name: 'Center for Medicaid and CHIP Services',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/CCIIO',
		shortName: 'CCIIO',
		name: 'Center for Consumer Information and Insurance Oversight',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/CCSQ',
		shortName: 'CCSQ',
		name: 'Center for Clinical Standards and Quality',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/CPI',
		shortName: 'CPI',
		name: 'Center for Program Integrity',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/CMMI',
		shortName: 'CMMI',
		name: 'Center for Medicare and Medicaid Innovation',
		parentCode: 'HHS/CMS',
	},
	// Offices
	{
		code: 'HHS/CMS/OIT',
		shortName: 'OIT',
		name: 'Office of Information Technology',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/OFM',
		shortName: 'OFM',
		name: 'Office of Financial Management',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/OEDA',
		shortName: 'OEDA',
		name: 'Office of Enterprise Data and Analytics',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/OAGM',
		shortName: 'OAGM',
		name: 'Office of Acquisition and Grants Management',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/OHC',
		shortName: 'OHC',
		name: 'Office of Human Capital',
		parentCode: 'HHS/CMS',
	},
] as const satisfies readonly OrgUnitSeed[]

export type OrgUnitCode = (typeof orgUnits)[number]['code']
