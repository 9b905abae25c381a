// Seed catalogue of CMS datasets that AI use cases register against. Pure data, no database code.
//
// How the Privacy Act SORN numbers were checked (see `sornNote` on each entry):
// - "verified" means the number was matched to the HHS SORN page or a Federal Register notice
//   (or the policy reference, /work/shared/reference/federal-ai-policy.md §7);
// - where a number could not be confirmed it is null, and `sornNote` says what is believed and why.
// `sornNote` is catalogue commentary for reviewers; the Dataset table has no column for it.
import {
	type DatasetCategoryKey,
	type DatasetSensitivityKey,
} from '#app/modules/datasets/schemas.ts'
import { type OrgUnitCode } from './org-units.ts'

export type DatasetSeed = {
	/** Stable kebab-case key; never renamed once seeded. */
	slug: string
	name: string
	/** Two or three sentences: what it holds, who submits it, typical use. */
	description: string
	category: DatasetCategoryKey
	sensitivities: readonly DatasetSensitivityKey[]
	/** Privacy Act system of records notice number, e.g. "09-70-0558"; null when not confirmed. */
	sornNumber: string | null
	/** How the SORN number was checked, or why it is null. */
	sornNote: string | null
	/** The FISMA system (the ATO boundary) the data live in. */
	fismaSystem: string
	dataUseAgreementRequired: boolean
	ownerOrgUnit: OrgUnitCode
	/** data.cms.gov, catalog.data.gov or the statutory public site, for public data only. */
	federalDataCatalogUrl: string | null
	/** Public CMS/HHS privacy impact assessment page, when one is known. */
	piaUrl: string | null
}

export const cmsDatasets = [
	// ── Medicare fee-for-service claims ──────────────────────────────────────────────
	{
		slug: 'medicare-ffs-part-a-claims',
		name: 'Medicare fee-for-service Part A institutional claims (NCH/IDR)',
		description:
			'Final-action Medicare fee-for-service institutional claims (inpatient hospital, skilled nursing facility, home health, hospice and hospital outpatient) that providers submit to Medicare Administrative Contractors and that are processed through the Fiscal Intermediary Shared System. Each claim carries the beneficiary identifier, ICD-10 diagnosis and procedure codes, service dates, provider identifiers, charges and Medicare payment. CMS uses the data for payment policy, actuarial estimates, program integrity and, under data use agreements, research.',
		category: 'MEDICARE_CLAIMS',
		sensitivities: ['PII', 'PHI', 'DEMOGRAPHIC'],
		sornNumber: '09-70-0558',
		sornNote:
			'National Claims History (NCH), verified against the HHS SORN page. Copies loaded into the IDR are also covered by the IDR’s own SORN (believed to be 09-70-0571; not verified).',
		fismaSystem: 'Integrated Data Repository (IDR)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/OIT',
		federalDataCatalogUrl: null,
		piaUrl: null,
	},
	{
		slug: 'medicare-ffs-part-b-claims',
		name: 'Medicare fee-for-service Part B carrier and DMEPOS claims (NCH/IDR)',
		description:
			'Final-action Medicare Part B non-institutional claims: physician and other practitioner (carrier) claims processed in the Multi-Carrier System and durable medical equipment, prosthetics, orthotics and supplies claims processed by the DME Medicare Administrative Contractors. Claim lines carry HCPCS/CPT codes, ICD-10 diagnoses, rendering and referring NPIs, and allowed and paid amounts. CMS uses them for fee-schedule updates, utilization analysis, fraud detection and research.',
		category: 'MEDICARE_CLAIMS',
		sensitivities: ['PII', 'PHI', 'DEMOGRAPHIC'],
		sornNumber: '09-70-0558',
		sornNote:
			'National Claims History (NCH), verified against the HHS SORN page; the SORN covers Part A and Part B billing and utilization records.',
		fismaSystem: 'Integrated Data Repository (IDR)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/OIT',
		federalDataCatalogUrl: null,
		piaUrl: null,
	},
	{
		slug: 'medicare-part-d-prescription-drug-events',
		name: 'Medicare Part D prescription drug event (PDE) data',
		description:
			'Prescription drug event records that Part D plan sponsors must submit to CMS for each covered fill, summarising the pharmacy claim: drug (NDC), quantity, days’ supply, prescriber and pharmacy identifiers, and the amounts paid by the plan, the beneficiary and the low-income subsidy. The Drug Data Processing System edits and stores them, and CMS uses them for Part D payment reconciliation, drug-spending analysis and research.',
		category: 'MEDICARE_CLAIMS',
		sensitivities: ['PII', 'PHI'],
		sornNumber: '09-70-0553',
		sornNote:
			'Medicare Drug Data Processing System (DDPS), verified against the HHS SORN page and the 2005 Federal Register notice.',
		fismaSystem: 'Drug Data Processing System (DDPS)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/CM',
		federalDataCatalogUrl: null,
		piaUrl: 'https://security.cms.gov/pia/drug-data-processing-system',
	},
	{
		slug: 'medicare-advantage-encounter-data',
		name: 'Medicare Advantage encounter data',
		description:
			'Encounter records that Medicare Advantage organizations and other capitated plans submit to CMS for the items and services furnished to their enrollees, in the same X12 837 institutional, professional and DME formats used for fee-for-service claims. CMS uses them to calibrate and calculate risk-adjustment payments, to oversee plans and, within limits CMS has set, for research.',
		category: 'MEDICARE_CLAIMS',
		sensitivities: ['PII', 'PHI'],
		sornNumber: '09-70-0506',
		sornNote:
			'CMS Encounter Data System (EDS), verified in the policy reference (§7) and in the 2014 CCW SORN notice that lists EDS as a record source.',
		fismaSystem: 'Encounter Data System (EDS)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/CM',
		federalDataCatalogUrl: null,
		piaUrl: null,
	},
	{
		slug: 'medicare-beneficiary-summary-file',
		name: 'Master Beneficiary Summary File (CCW)',
		description:
			'Annual person-level file built in the Chronic Conditions Data Warehouse from the Enrollment Database and claims: demographics, monthly entitlement and enrollment (Parts A to D, Medicare Advantage, dual-eligible status), date of death, chronic-condition flags and cost-and-use summaries. CMS analysts and researchers receive it under a data use agreement, usually inside the Virtual Research Data Center, alongside the claims research identifiable files.',
		category: 'ENROLLMENT_ELIGIBILITY',
		sensitivities: ['PII', 'PHI', 'DEMOGRAPHIC'],
		sornNumber: '09-70-0573',
		sornNote:
			'Chronic Condition Warehouse (CCW), verified in the policy reference (§7) and the October 2014 modified SORN notice (79 FR 64802).',
		fismaSystem: 'Chronic Conditions Data Warehouse (CCW)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/OEDA',
		federalDataCatalogUrl: null,
		piaUrl: null,
	},
	{
		slug: 'medicare-ffs-sud-claims-part2',
		name: 'Medicare claims for substance use disorder treatment (42 CFR Part 2 segment)',
		description:
			'The subset of Medicare fee-for-service claims that carry substance use disorder diagnosis, procedure or DRG codes and may come from federally assisted Part 2 programs, so 42 CFR Part 2 consent and redisclosure limits apply on top of HIPAA. CMS has historically suppressed these claims from research identifiable files (Medicare since November 2013); analytic uses need segregation, consent or suppression of SUD status in model inputs and outputs.',
		category: 'MEDICARE_CLAIMS',
		sensitivities: ['PII', 'PHI', 'PART2'],
		sornNumber: '09-70-0558',
		sornNote:
			'A segment of National Claims History (verified); copies in the CCW fall under 09-70-0573. Current CMS redaction practice after the 2024 Part 2 rule is unconfirmed.',
		fismaSystem: 'Integrated Data Repository (IDR)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/OEDA',
		federalDataCatalogUrl: null,
		piaUrl: null,
	},
	// ── Medicaid and CHIP ────────────────────────────────────────────────────────────
	{
		slug: 't-msis-analytic-files',
		name: 'T-MSIS Analytic Files (TAF)',
		description:
			'Research-optimised files CMS builds from the Transformed Medicaid Statistical Information System (T-MSIS) data that states, the District of Columbia and the territories submit for Medicaid and CHIP: demographic and eligibility, inpatient, long-term care, other services and pharmacy claims, managed-care encounters, and provider and plan files. CMS uses them for federal Medicaid oversight and program integrity, and releases them for research through the CCW. Whether CMS holds these records as HIPAA PHI is unsettled (the states are the covered health plans), so the catalogue treats them as PHI.',
		category: 'MEDICAID_CHIP_CLAIMS',
		sensitivities: ['PII', 'PHI', 'DEMOGRAPHIC'],
		sornNumber: '09-70-0541',
		sornNote:
			'Verified: the September 2018 notice (83 FR 46951) renamed SORN 09-70-0541 from MSIS to Transformed-Medicaid Statistical Information System (T-MSIS).',
		fismaSystem:
			'Transformed Medicaid Statistical Information System (T-MSIS), within the Medicaid and CHIP Business Information Solution (MACBIS)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/CMCS',
		federalDataCatalogUrl: null,
		piaUrl: 'https://security.cms.gov/pia/transformed-medicaid-statistical-information-system',
	},
	// ── Enrollment and eligibility ───────────────────────────────────────────────────
	{
		slug: 'medicare-enrollment-database',
		name: 'Medicare Enrollment Database (EDB)',
		description:
			'CMS’s authoritative record of Medicare entitlement and enrollment for everyone who is or has been entitled to Medicare: beneficiary identifiers, name, date of birth, sex, race/ethnicity, address, basis and dates of entitlement, Part A/B/C/D enrollment, hospice and ESRD periods, and Medicare Secondary Payer information. Entitlement data come mainly from the Social Security Administration and the Railroad Retirement Board, and downstream systems use the EDB for eligibility checks, premium billing and claims processing.',
		category: 'ENROLLMENT_ELIGIBILITY',
		sensitivities: ['PII', 'PHI', 'DEMOGRAPHIC'],
		sornNumber: '09-70-0502',
		sornNote: 'Enrollment Database (EDB), verified against the HHS SORN page.',
		fismaSystem: 'Enrollment Database (EDB)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/CM',
		federalDataCatalogUrl: null,
		piaUrl: null,
	},
	{
		slug: 'ffe-marketplace-eligibility-enrollment',
		name: 'Federally-facilitated Exchange eligibility and enrollment records',
		description:
			'Applications, eligibility determinations and plan selections for consumers who apply through HealthCare.gov, the Federally-facilitated Exchange, directly or through agents, brokers and enhanced direct enrollment partners. Records include household members, income and citizenship or immigration attestations, advance premium tax credit and cost-sharing reduction determinations, and the enrollment transactions sent to issuers. CMS uses them to run eligibility and enrollment, reconcile tax credits with the IRS, and oversee issuers, agents and brokers.',
		category: 'MARKETPLACE',
		sensitivities: ['PII', 'DEMOGRAPHIC'],
		sornNumber: '09-70-0560',
		sornNote:
			'Health Insurance Exchanges (HIX) Program, verified against the February 2013 notice (78 FR 8538) and its 2013 alterations. Exchange eligibility records are not PHI; IRS income data are catalogued separately as FTI.',
		fismaSystem: 'Federally Facilitated Marketplaces (FFM)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/CCIIO',
		federalDataCatalogUrl: null,
		piaUrl: null,
	},
	// ── Providers ────────────────────────────────────────────────────────────────────
	{
		slug: 'pecos-provider-enrollment',
		name: 'Medicare provider enrollment (PECOS)',
		description:
			'Medicare enrollment records for institutional providers, physicians, non-physician practitioners and suppliers, submitted on CMS-855 and related applications (online or on paper) and processed by Medicare Administrative Contractors. Records include legal names, SSNs or EINs, NPIs, practice locations, licensure, ownership and managing-employee disclosures, reassignments and payment details. CMS uses them to screen, enroll and revalidate providers, to gate claims payment and to trace risky ownership links.',
		category: 'PROVIDER_DATA',
		sensitivities: ['PII'],
		sornNumber: null,
		sornNote:
			'Believed to be 09-70-0532 (Medicare Provider Enrollment, Chain and Ownership System), but the number could not be verified against the HHS SORN page or the Federal Register; confirm before citing it.',
		fismaSystem: 'Provider Enrollment, Chain and Ownership System (PECOS)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/CPI',
		federalDataCatalogUrl: null,
		piaUrl: 'https://security.cms.gov/pia/provider-enrollment-chain-and-ownership-system',
	},
	{
		slug: 'nppes-npi-records',
		name: 'National Plan and Provider Enumeration System (NPPES) records',
		description:
			'Applications and records for National Provider Identifiers that health care providers (individuals and organizations) submit under the HIPAA administrative simplification rules: names, taxonomy, practice and mailing addresses, licence numbers and, for individuals, date of birth and SSN or ITIN. Most fields are published in the NPI Registry and its downloadable files under CMS’s data dissemination notice; SSN, ITIN and date of birth are not.',
		category: 'PROVIDER_DATA',
		sensitivities: ['PII'],
		sornNumber: '09-70-0555',
		sornNote:
			'National Plan and Provider Enumeration System (NPPES), verified against the HHS SORN page; it covers providers who are individuals (organizations are not Privacy Act subjects).',
		fismaSystem: 'National Plan and Provider Enumeration System (NPPES)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/OFM',
		federalDataCatalogUrl: null,
		piaUrl: 'https://security.cms.gov/pia/national-plan-and-provider-enumeration-system',
	},
	// ── Clinical assessments ─────────────────────────────────────────────────────────
	{
		slug: 'mds-nursing-home-assessments',
		name: 'Minimum Data Set (MDS 3.0) nursing home resident assessments',
		description:
			'Resident assessments that every Medicare- or Medicaid-certified nursing home must complete at admission, quarterly, annually, on significant change and at discharge, covering diagnoses, cognition, mood, function, skin integrity, medications and treatments received. Facilities transmit them electronically to CMS, and they drive skilled nursing facility payment (PDPM), the SNF Quality Reporting Program, Nursing Home Care Compare measures and survey targeting.',
		category: 'MEDICAL_RECORDS_CLINICAL',
		sensitivities: ['PII', 'PHI', 'DEMOGRAPHIC'],
		sornNumber: '09-70-0528',
		sornNote:
			'Long Term Care Minimum Data Set (MDS), verified against the HHS SORN page (the 1998 notice used the older number 09-70-1516).',
		fismaSystem: 'Internet Quality Improvement and Evaluation System (iQIES)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/CCSQ',
		federalDataCatalogUrl: null,
		piaUrl: null,
	},
	{
		slug: 'oasis-home-health-assessments',
		name: 'Outcome and Assessment Information Set (OASIS) home health assessments',
		description:
			'Patient assessments that Medicare-certified home health agencies complete at start of care, resumption of care, recertification, transfer and discharge, covering clinical condition, functional status, medications and care needs. Since the 2025 SORN change, agencies collect OASIS for patients of every payer, and the data feed the home health payment model, the Home Health Quality Reporting Program and Home Health Care Compare.',
		category: 'MEDICAL_RECORDS_CLINICAL',
		sensitivities: ['PII', 'PHI', 'DEMOGRAPHIC'],
		sornNumber: '09-70-0522',
		sornNote:
			'Home Health Agency OASIS, verified against the July 2025 modified notice (2025-13004). Older documents cite the original 1999 number 09-70-9002.',
		fismaSystem: 'Internet Quality Improvement and Evaluation System (iQIES)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/CCSQ',
		federalDataCatalogUrl: null,
		piaUrl: null,
	},
	{
		slug: 'care-compare-hospital-quality-measures',
		name: 'Care Compare hospital quality measures (Provider Data Catalog)',
		description:
			'Facility-level hospital quality measures that CMS publishes on Care Compare and in the Provider Data Catalog: timely and effective care, complications and deaths, unplanned readmissions, healthcare-associated infections, HCAHPS patient-experience scores and the Overall Hospital Quality Star Rating. Hospitals submit chart-abstracted and survey data through Hospital Quality Reporting, CMS derives the claims-based measures, and small denominators are suppressed, so the public files hold no person-level data.',
		category: 'QUALITY_MEASURES',
		sensitivities: [],
		sornNumber: null,
		sornNote:
			'No SORN: published facility-level aggregates, not records retrieved by personal identifier.',
		fismaSystem: 'Hospital Quality Reporting (HQR) system; published through data.cms.gov',
		dataUseAgreementRequired: false,
		ownerOrgUnit: 'HHS/CMS/CCSQ',
		federalDataCatalogUrl: 'https://data.cms.gov/provider-data/topics/hospitals',
		piaUrl: null,
	},
	// ── Program integrity ────────────────────────────────────────────────────────────
	{
		slug: 'fraud-prevention-system-alerts',
		name: 'Fraud Prevention System (FPS) alerts and leads',
		description:
			'Alerts, risk scores and supporting claim detail that the Fraud Prevention System has produced since 2011 by running predictive models and rules over Medicare fee-for-service claims nationwide before payment, as the Small Business Jobs Act of 2010 requires. Alerts about providers are prioritised for Unified Program Integrity Contractors and CMS staff, who investigate, deny claims or take administrative action, and the records identify providers and beneficiaries and include diagnosis and service data.',
		category: 'MEDICARE_CLAIMS',
		sensitivities: ['PII', 'PHI'],
		sornNumber: null,
		sornNote:
			'FPS processes claims covered by NCH (09-70-0558) and provider enrollment data; I could not confirm whether CMS published a separate SORN for FPS alert and lead records. Ask the CMS Privacy Office.',
		fismaSystem: 'Fraud Prevention System 2.0 (FPS2)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/CPI',
		federalDataCatalogUrl: null,
		piaUrl: null,
	},
	// ── Administrative: contracts, budget, personnel ─────────────────────────────────
	{
		slug: 'cms-acquisition-contract-records',
		name: 'CMS acquisition and contract records',
		description:
			'Contract files that CMS contracting officers create in the agency’s contract writing system: acquisition plans, solicitations, statements of work, vendor proposals, source-selection records, awards, modifications and closeouts, with award data reported to FPDS. Proposals and source-selection information are protected procurement information (FAR 3.104) and vendor proprietary data, and OAGM and program offices use the files for contract administration, spend analysis and oversight.',
		category: 'CONTRACTS_ACQUISITION',
		sensitivities: [],
		sornNumber: null,
		sornNote:
			'No CMS SORN identified: contract files are retrieved by contract number, not by personal identifier. Contractor key-personnel résumés inside proposals are personal data even so.',
		fismaSystem: 'CMS Acquisition Lifecycle Management (CALM)',
		dataUseAgreementRequired: false,
		ownerOrgUnit: 'HHS/CMS/OAGM',
		federalDataCatalogUrl: null,
		piaUrl: null,
	},
	{
		slug: 'cms-budget-execution',
		name: 'CMS budget execution and financial accounting data (HIGLAS)',
		description:
			'Budget execution records for CMS program and administrative appropriations: apportionments, allotments, commitments, obligations and expenditures by appropriation, fund and organization, held in the Healthcare Integrated General Ledger Accounting System and its Consolidated Budget System component. The Office of Financial Management uses them for funds control, financial statements and reporting to HHS, OMB and Treasury, and pre-decisional budget formulation material in the same system is deliberative and not public.',
		category: 'BUDGET_FINANCIAL',
		sensitivities: [],
		sornNumber: null,
		sornNote:
			'No SORN for budget execution data. HIGLAS also holds payee and banking details for providers and vendors (covered by other SORNs); those are outside this dataset.',
		fismaSystem: 'Healthcare Integrated General Ledger Accounting System (HIGLAS)',
		dataUseAgreementRequired: false,
		ownerOrgUnit: 'HHS/CMS/OFM',
		federalDataCatalogUrl: null,
		piaUrl: 'https://security.cms.gov/pia/healthcare-integrated-general-ledger-accounting-system',
	},
	{
		slug: 'cms-personnel-records',
		name: 'CMS employee personnel records',
		description:
			'Official personnel data for CMS federal employees: positions, grades, pay, appointments, promotions and separations (SF-50 actions), benefits elections, and voluntarily reported race, ethnicity, sex and disability. Personnel actions are processed in the HHS-run Enterprise Human Capital Management system, which replaced Capital HR in 2019, and the Office of Human Capital uses the data for workforce planning, hiring and reporting to OPM.',
		category: 'ADMINISTRATIVE_HR',
		sensitivities: ['PII', 'DEMOGRAPHIC'],
		sornNumber: 'OPM/GOVT-1',
		sornNote:
			'Government-wide SORN OPM/GOVT-1 (General Personnel Records). The voluntarily reported race, ethnicity and disability data fall under a separate government-wide notice (believed to be OPM/GOVT-7; not verified).',
		fismaSystem: 'HHS Enterprise Human Capital Management (EHCM)',
		dataUseAgreementRequired: false,
		ownerOrgUnit: 'HHS/CMS/OHC',
		federalDataCatalogUrl: null,
		piaUrl: null,
	},
	// ── Public data ──────────────────────────────────────────────────────────────────
	{
		slug: 'medicare-physician-other-practitioners-puf',
		name: 'Medicare Physician & Other Practitioners public use files',
		description:
			'Public provider utilization and payment data: for each rendering NPI, HCPCS code and place of service, the number of services and beneficiaries, average submitted charge, allowed amount and Medicare payment, from 100% of final-action Part B non-institutional claims (DMEPOS excluded). CMS derives the files from CCW claims, suppresses counts under 11 beneficiaries and publishes them yearly; they name individual practitioners.',
		category: 'PUBLIC_OPEN_DATA',
		sensitivities: ['PII'],
		sornNumber: null,
		sornNote:
			'The published file is public information, not itself a system of records; the source claims are under NCH 09-70-0558 and CCW 09-70-0573.',
		fismaSystem: 'Chronic Conditions Data Warehouse (CCW); published through data.cms.gov',
		dataUseAgreementRequired: false,
		ownerOrgUnit: 'HHS/CMS/OEDA',
		federalDataCatalogUrl:
			'https://data.cms.gov/provider-summary-by-type-of-service/medicare-physician-other-practitioners',
		piaUrl: null,
	},
	{
		slug: 'open-payments',
		name: 'Open Payments (Physician Payments Sunshine Act) data',
		description:
			'Payments and other transfers of value that manufacturers of drugs, devices, biologicals and medical supplies and group purchasing organizations report to CMS each year about physicians, certain other practitioners and teaching hospitals, plus physician ownership and investment interests, as section 6002 of the Affordable Care Act requires. After a review-and-dispute period CMS publishes the records, naming each recipient, on the Open Payments website every June.',
		category: 'PUBLIC_OPEN_DATA',
		sensitivities: ['PII'],
		sornNumber: null,
		sornNote:
			'CMS published an Open Payments SORN on 5 June 2014 (79 FR 32547), but its system number could not be confirmed.',
		fismaSystem: 'Open Payments system',
		dataUseAgreementRequired: false,
		ownerOrgUnit: 'HHS/CMS/CPI',
		federalDataCatalogUrl: 'https://openpaymentsdata.cms.gov/',
		piaUrl: null,
	},
	// ── Vendor and external data ─────────────────────────────────────────────────────
	{
		slug: 'marketplace-remote-identity-proofing-vendor',
		name: 'Remote identity proofing results from a commercial vendor (Experian) for Marketplace applicants',
		description:
			'Identity-proofing questions, responses and outcomes that a commercial credit bureau (Experian) returns when a HealthCare.gov applicant verifies their identity online or through the vendor’s help desk before an application can proceed. The vendor draws the questions from its own credit-header and financial records under a CMS contract that limits use to identity proofing, and CMS keeps the result and reference number with the Marketplace account.',
		category: 'VENDOR_EXTERNAL',
		sensitivities: ['PII'],
		sornNumber: '09-70-0560',
		sornNote:
			'The results CMS keeps fall under the Health Insurance Exchanges (HIX) Program SORN (verified number). The vendor’s own records are not a CMS system of records.',
		fismaSystem: 'Federal Data Services Hub (Hub)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/CCIIO',
		federalDataCatalogUrl: null,
		piaUrl: null,
	},
	{
		slug: 'irs-income-verification-fti',
		name: 'IRS federal tax information for Marketplace income verification (Data Services Hub)',
		description:
			'Household income and family-size data from federal tax returns that the IRS returns through the Federal Data Services Hub when an Exchange, Medicaid or CHIP agency verifies an applicant’s income for advance premium tax credits and cost-sharing reductions. It is federal tax information disclosed under IRC §6103(l)(21): use is limited to eligibility determinations, a computer matching agreement governs the exchange, and recipients must meet the IRS Publication 1075 safeguards.',
		category: 'VENDOR_EXTERNAL',
		sensitivities: ['PII', 'FTI'],
		sornNumber: '09-70-0560',
		sornNote:
			'The CMS-held copies fall under the Health Insurance Exchanges (HIX) Program SORN (verified number). The IRS’s own SORN for the source records was not checked.',
		fismaSystem: 'Federal Data Services Hub (Hub)',
		dataUseAgreementRequired: true,
		ownerOrgUnit: 'HHS/CMS/CCIIO',
		federalDataCatalogUrl: null,
		piaUrl: null,
	},
] as const satisfies readonly DatasetSeed[]

export type CmsDatasetSlug = (typeof cmsDatasets)[number]['slug']
