// FISMA authorization to operate and FedRAMP for cloud services and hosted model APIs.
import { type PolicyCheck } from './check-types.ts'
import {
	datasetsWith,
	hostingPhrases,
	isLive,
	PHI_KINDS,
	stagePhrase,
	stated,
} from './case-facts.ts'

export const authorizationToOperate: PolicyCheck = (doc) => {
	const fields = ['stage', 'hasAto', 'atoSystemName']
	if (!isLive(doc)) {
		return {
			status: 'NOT_APPLICABLE',
			reason:
				doc.stage === 'RETIRED'
					? `${stagePhrase(doc)}; the system no longer needs to operate.`
					: `${stagePhrase(doc)}; an ATO is needed before a pilot or deployment.`,
			drivingFields: fields,
			nextStep:
				doc.stage === 'PRE_DEPLOYMENT'
					? 'Plan which FISMA system will carry the AI and its authorization.'
					: null,
		}
	}
	const stage = stagePhrase(doc)
	const ato = stated('hasAto', doc.hasAto)
	if (doc.hasAto === true) {
		if (!doc.atoSystemName) {
			return {
				status: 'NEEDS_ATTENTION',
				reason: `${stage}; ${ato}, but the authorized system is not named.`,
				drivingFields: fields,
				nextStep: 'Name the system whose ATO covers the AI, and add the AI to its security plan.',
				nextQuestion: 'atoSystemName',
			}
		}
		return {
			status: 'PASS',
			reason: `${stage}; it runs under the ATO of '${doc.atoSystemName}'.`,
			drivingFields: fields,
			nextStep:
				'Make sure the AI functionality is in that system’s security plan and continuous monitoring.',
		}
	}
	if (doc.hasAto === false) {
		return {
			status: 'FAIL',
			reason: `${stage}; ${ato}. An AI system in use needs an authorization to operate, and AI risk acceptance does not replace it.`,
			drivingFields: fields,
			nextStep: 'Obtain an ATO (or add the AI to an authorized system) before further use.',
			nextQuestion: 'hasAto',
		}
	}
	return {
		status: 'NEEDS_ATTENTION',
		reason: `${stage}; ${ato}.`,
		drivingFields: fields,
		nextStep: 'Say whether the AI has, or is part of a system with, an ATO, and name the system.',
		nextQuestion: 'hasAto',
	}
}

export const fedrampAuthorization: PolicyCheck = (doc) => {
	const fields = ['hosting', 'safeguards.fedrampAuthorized']
	const hosting = doc.hosting
	if (hosting === undefined) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: `${stated('hosting', hosting)}, so it is unknown whether a cloud service or vendor API needs FedRAMP.`,
			drivingFields: fields,
			nextStep: 'Say where the AI runs.',
			nextQuestion: 'hosting',
		}
	}
	if (hosting === 'CMS_DATA_CENTER' || hosting === 'CONTRACTOR_DATA_CENTER') {
		return {
			status: 'NOT_APPLICABLE',
			reason: `It runs in ${hostingPhrases[hosting]}, not a cloud service or vendor API${hosting === 'CONTRACTOR_DATA_CENTER' ? ': the system’s FISMA authorization covers it' : ''}.`,
			drivingFields: fields,
			nextStep: null,
		}
	}
	if (doc.stage === 'RETIRED') {
		return {
			status: 'NOT_APPLICABLE',
			reason: `${stagePhrase(doc)}; the service is no longer used.`,
			drivingFields: ['stage'],
			nextStep: null,
		}
	}
	const authorized = doc.safeguards.fedrampAuthorized
	const phi = datasetsWith(doc, PHI_KINDS).length > 0
	const level = phi ? ' at Moderate or High, since PHI is involved' : ''
	if (authorized === true || (hosting === 'FEDRAMP_CLOUD' && authorized === undefined)) {
		return {
			status: 'PASS',
			reason: `It runs on ${hostingPhrases[hosting]} and the service is FedRAMP authorized.`,
			drivingFields: fields,
			nextStep: phi
				? 'The security reviewer confirms the authorization level is Moderate or High for PHI.'
				: null,
		}
	}
	if (authorized === false) {
		return {
			status: isLive(doc) ? 'FAIL' : 'NEEDS_ATTENTION',
			reason: `It runs on ${hostingPhrases[hosting]}; ${stated('safeguards.fedrampAuthorized', authorized)}.${doc.stage ? ` ${stagePhrase(doc)}.` : ''}`,
			drivingFields: [...fields, 'stage'],
			nextStep: `Use a FedRAMP-authorized service${level}, or obtain an authorization, and issue a CMS ATO on top of it.`,
			nextQuestion: 'safeguards.fedrampAuthorized',
		}
	}
	return {
		status: 'NEEDS_ATTENTION',
		reason: `It runs on ${hostingPhrases[hosting]}; ${stated('safeguards.fedrampAuthorized', authorized)}.`,
		drivingFields: fields,
		nextStep: `Confirm the service’s FedRAMP authorization${level}.`,
		nextQuestion: 'safeguards.fedrampAuthorized',
	}
}
