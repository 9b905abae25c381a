// CMS's organisation: HHS → CMS → its centres and offices, with the abbreviations CMS and OMB's
// inventories write. The code is the slash path the OMB inventory's Bureau/Component field comes
// from; every parent is listed before its children. The migration that introduced org-unit
// administration inserts these rows once (prisma/migrations/*_import_files_and_org_unit_admin);
// after that administrators keep the structure on the Org units page, and seedOrgUnits() only adds
// a unit that is missing (tests and the demo start from a migrated database).
//
// Sources: CMS's published organisational chart and centre/office pages (cms.gov/about-cms), and
// the components CMS's entries in OMB's 2025 consolidated inventory name. Where CMS has renamed a
// component, the earlier name is an alias. Below centre and office level (groups, divisions) CMS
// changes often and nothing is seeded; administrators add what they need.

export type OrgUnitSeed = {
	/** Slash path, parent code + "/" + short name, e.g. "HHS/CMS/OIT". */
	code: string
	shortName: string
	/** Official full name, as CMS writes it. */
	name: string
	parentCode: string | null
	/** Other ways files name the unit: former names, common spellings. */
	aliases?: ReadonlyArray<string>
}

export const orgUnits = [
	{
		code: 'HHS',
		shortName: 'HHS',
		name: 'Department of Health and Human Services',
		parentCode: null,
		aliases: ['U.S. Department of Health and Human Services'],
	},
	{
		code: 'HHS/CMS',
		shortName: 'CMS',
		name: 'Centers for Medicare & Medicaid Services',
		parentCode: 'HHS',
	},
	// The Administrator's immediate office.
	{
		code: 'HHS/CMS/OA',
		shortName: 'OA',
		name: 'Office of the Administrator',
		parentCode: 'HHS/CMS',
	},
	// Centres
	{ code: 'HHS/CMS/CM', shortName: 'CM', name: 'Center for Medicare', parentCode: 'HHS/CMS' },
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
		aliases: ['CMS Innovation Center', 'Innovation Center'],
	},
	// Offices
	{ code: 'HHS/CMS/OACT', shortName: 'OACT', name: 'Office of the Actuary', parentCode: 'HHS/CMS' },
	{
		code: 'HHS/CMS/OAGM',
		shortName: 'OAGM',
		name: 'Office of Acquisition and Grants Management',
		parentCode: 'HHS/CMS',
	},
	// Created in 2020; CMS's later charts fold parts of it into other offices. Kept until an administrator retires it.
	{
		code: 'HHS/CMS/OBRHI',
		shortName: 'OBRHI',
		name: 'Office of Burden Reduction and Health Informatics',
		parentCode: 'HHS/CMS',
	},
	{ code: 'HHS/CMS/OC', shortName: 'OC', name: 'Office of Communications', parentCode: 'HHS/CMS' },
	{
		code: 'HHS/CMS/OEDA',
		shortName: 'OEDA',
		name: 'Office of Enterprise Data and Analytics',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/OEOCR',
		shortName: 'OEOCR',
		name: 'Office of Equal Opportunity and Civil Rights',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/OFM',
		shortName: 'OFM',
		name: 'Office of Financial Management',
		parentCode: 'HHS/CMS',
	},
	{ code: 'HHS/CMS/OHC', shortName: 'OHC', name: 'Office of Human Capital', parentCode: 'HHS/CMS' },
	{
		code: 'HHS/CMS/OHI',
		shortName: 'OHI',
		name: 'Office of Hearings and Inquiries',
		parentCode: 'HHS/CMS',
		aliases: ['Office of Hearings'],
	},
	{
		code: 'HHS/CMS/OIT',
		shortName: 'OIT',
		name: 'Office of Information Technology',
		parentCode: 'HHS/CMS',
	},
	{ code: 'HHS/CMS/OL', shortName: 'OL', name: 'Office of Legislation', parentCode: 'HHS/CMS' },
	{
		code: 'HHS/CMS/OMH',
		shortName: 'OMH',
		name: 'Office of Minority Health',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/OPOLE',
		shortName: 'OPOLE',
		name: 'Office of Program Operations and Local Engagement',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/OSFLO',
		shortName: 'OSFLO',
		name: 'Office of Security, Facilities, and Logistics Operations',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/OSORA',
		shortName: 'OSORA',
		name: 'Office of Strategic Operations and Regulatory Affairs',
		parentCode: 'HHS/CMS',
	},
	// Named on CMS's charts since 2021; its standing as a separate office is the least certain of this list.
	{
		code: 'HHS/CMS/OSPR',
		shortName: 'OSPR',
		name: 'Office of Strategy, Performance, and Results',
		parentCode: 'HHS/CMS',
	},
	{
		code: 'HHS/CMS/EPRO',
		shortName: 'EPRO',
		name: 'Emergency Preparedness and Response Operations',
		parentCode: 'HHS/CMS',
		aliases: ['Office of Emergency Preparedness and Response Operations'],
	},
	{
		code: 'HHS/CMS/FCHCO',
		shortName: 'FCHCO',
		name: 'Federal Coordinated Health Care Office',
		parentCode: 'HHS/CMS',
		aliases: ['Medicare-Medicaid Coordination Office', 'MMCO'],
	},
] as const satisfies readonly OrgUnitSeed[]

export type OrgUnitCode = (typeof orgUnits)[number]['code']
