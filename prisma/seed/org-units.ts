export const orgUnits = [
	{ code: 'HHS', shortName: 'HHS', name: 'Department of Health and Human Services', parentCode: null },
	{ code: 'HHS/CMS', shortName: 'CMS', name: 'Centers for Medicare & Medicaid Services', parentCode: 'HHS' },
	{ code: 'HHS/CMS/OIT', shortName: 'OIT', name: 'Office of Information Technology', parentCode: 'HHS/CMS' },
	{ code: 'HHS/CMS/CPI', shortName: 'CPI', name: 'Center for Program Integrity', parentCode: 'HHS/CMS' },
] as const
