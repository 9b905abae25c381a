/**
 * An org unit as every form and page names it: its code, the OMB inventory's Bureau/Component, and
 * its name ("HHS/CMS/CPI — Center for Program Integrity"). Tables short of room show the code alone.
 */
export function orgUnitLabel(unit: { code: string; name: string }) {
	return `${unit.code} — ${unit.name}`
}
