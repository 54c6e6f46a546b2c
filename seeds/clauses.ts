// FACTS: every clause of 183-KL/TW and 195-KL/TW with its owners and deadlines exactly as
// ../shared/DOMAIN.md gives them. 195-KL/TW's points are numbered here in the order DOMAIN.md
// lists them. A clause addressed to a group names the group as written and fans out to its
// members in this seed set ("localities" → the 34 provincial people's committees; "party
// committees" → the 34 provincial party committees), one task each.
import type { AssignmentInput } from '../src/domain/directives/decide.js';
import { massOrganizations, ministries } from './central-units.js';
import { currentCommitteeIds, peoplesCommittees } from './provinces.js';

/** A clause of the seed set, on its directive. */
export interface SeedClause {
  directive: string;
  reference: string;
  text: string;
  assignment?: AssignmentInput;
}

const ministryIds = ministries.map((m) => m.id);
const localityIds = peoplesCommittees.map((p) => p.id);
const by = (date: string) => ({ kind: 'date' as const, date });
const none = { kind: 'none' as const };
const group = (kind: string, label: string) => ({ kind, parentId: null, label });
const provincialCommittees = group('provincial_party_committee', 'Provincial and municipal party committees');
const ministriesAndLocalities = group(
  'ministry+provincial_peoples_committee',
  'Ministries, branches and localities',
);
const frontAndMassOrgs = {
  leadUnitIds: ['DUMTTQ', ...massOrganizations.map((m) => m.id)],
  group: group(
    'central_front_and_mass_organizations',
    'Fatherland Front Party Committee and central mass organizations',
  ),
};

export const clauses: SeedClause[] = [
  {
    directive: '183-KL/TW',
    reference: '1',
    text: 'Agrees with the Central Organizing Committee’s report and the Central Inspection Commission’s supervision report.',
  },
  {
    directive: '183-KL/TW',
    reference: '2',
    text: 'All party committees and organizations: remedy, effectively and promptly, the shortcomings pointed out in the Central Inspection Commission’s report.',
    assignment: {
      leadUnitIds: currentCommitteeIds,
      group: group('provincial_party_committee', 'All party committees and organizations'),
      deadline: none,
    },
  },
  {
    directive: '183-KL/TW',
    reference: '3',
    text: 'Government Party Committee: review and perfect institutions, amend legal acts on two-tier local government, staff, train, decentralize, restructure budget allocation, equip facilities.',
    assignment: { leadUnitIds: ['DUCP'], deadline: by('2025-08-31') },
  },
  {
    directive: '183-KL/TW',
    reference: '3.(1)(i)',
    text: 'Ministry of Home Affairs, with relevant ministries: train commune-level civil servants; build a toolkit to evaluate civil-servant performance.',
    assignment: {
      leadUnitIds: ['BNV'],
      expectedOutput: 'training delivered; an evaluation toolkit',
      deadline: by('2025-08-31'),
    },
  },
  {
    directive: '183-KL/TW',
    reference: '3.(1)(ii)',
    text: 'Ministry of Home Affairs: policies for cadres affected by the reorganization.',
    assignment: { leadUnitIds: ['BNV'], deadline: by('2025-08-31') },
  },
  {
    directive: '183-KL/TW',
    reference: '3.(2)',
    text: 'Ministry of Justice: review laws, decrees and circulars on decentralization that still conflict or overlap.',
    assignment: { leadUnitIds: ['BTP'], deadline: by('2025-08-31') },
  },
  {
    directive: '183-KL/TW',
    reference: '4.(1)',
    text: 'Ministries, branches, localities: finish the tasks of Plan 56-KH/BCĐ (2025-07-04) and Plan 02-KH/BCĐTW (2025-06-19).',
    assignment: {
      leadUnitIds: [...ministryIds, ...localityIds],
      group: ministriesAndLocalities,
      deadline: none,
    },
  },
  {
    directive: '183-KL/TW',
    reference: '4.(2)',
    text: 'Ministries, branches, localities: settle policies for affected cadres by 2025-08-31, after which this ends.',
    assignment: {
      leadUnitIds: [...ministryIds, ...localityIds],
      group: ministriesAndLocalities,
      deadline: by('2025-08-31'),
      endsOn: '2025-08-31',
    },
  },
  {
    directive: '183-KL/TW',
    reference: '4.(3)',
    text: 'Ministries, branches, localities: digital signatures, certificates, "correct-sufficient-clean-live" data, shared data, public-service software for commune Public Administration Service Centers.',
    assignment: {
      leadUnitIds: [...ministryIds, ...localityIds],
      group: ministriesAndLocalities,
      deadline: none,
    },
  },
  {
    directive: '183-KL/TW',
    reference: '5',
    text: 'Provincial and municipal party committees: strengthen commune capacity, fill vacant posts, rebalance staff between communes, hold commune party congresses on schedule.',
    assignment: { leadUnitIds: currentCommitteeIds, group: provincialCommittees, deadline: by('2025-08-31') },
  },
  {
    directive: '183-KL/TW',
    reference: '5 (people’s committees)',
    text: 'Provincial people’s committees: issue rules on the functions and structure of specialized agencies.',
    assignment: {
      leadUnitIds: localityIds,
      group: group('provincial_peoples_committee', 'Provincial people’s committees'),
      deadline: none,
    },
  },
  {
    directive: '183-KL/TW',
    reference: '6',
    text: 'Party committees, with drafts amending Regulations 89-QĐ/TW (2017-08-04), 214-QĐ/TW (2020-01-02), 124-QĐ/TW (2023-10-04): propose quantified standards and evaluation criteria for cadres.',
    assignment: {
      leadUnitIds: currentCommitteeIds,
      group: group('provincial_party_committee', 'Party committees'),
      deadline: none,
    },
  },
  {
    directive: '183-KL/TW',
    reference: '6 (Central Organizing Committee)',
    text: 'Central Organizing Committee: finish the personnel regulations for submission on schedule.',
    assignment: { leadUnitIds: ['BTCTW'], deadline: none },
  },
  {
    directive: '183-KL/TW',
    reference: '7',
    text: 'Vietnam Fatherland Front Party Committee and central mass organizations: issue (i) coordination guidelines, (ii) working rules of Front committees at provincial and commune level, (iii) financial-management guidelines incl. trade-union finances.',
    assignment: { ...frontAndMassOrgs, deadline: by('2025-08-31') },
  },
  {
    directive: '183-KL/TW',
    reference: '8',
    text: 'Central Inspection Commission: direct inspection commissions at all levels to keep inspecting and supervising implementation.',
    assignment: { leadUnitIds: ['UBKTTW'], deadline: none },
  },
  {
    directive: '183-KL/TW',
    reference: '9',
    text: 'The Politburo and Secretariat meet monthly to review implementation.',
    assignment: { leadUnitIds: ['BCT', 'BBT'], deadline: none },
  },
  {
    directive: '183-KL/TW',
    reference: '9 (monthly reports)',
    text: 'The Government Party Committee, central agencies and localities report to the Central Organizing Committee by the 25th of every month.',
    assignment: {
      leadUnitIds: ['DUCP', ...ministryIds, ...currentCommitteeIds],
      group: group('reporting_units', 'Government Party Committee, central agencies and localities'),
      deadline: { kind: 'recurring_monthly', dayOfMonth: 25 },
    },
  },
  {
    directive: '195-KL/TW',
    reference: '1',
    text: 'Government Party Committee: carry out Conclusion 192-KL/TW — feasibility of decentralized tasks, amend government decrees, reorganize specialized agencies, guide provincial and commune development planning.',
    assignment: { leadUnitIds: ['DUCP'], deadline: by('2025-10-30') },
  },
  {
    directive: '195-KL/TW',
    reference: '2',
    text: 'Ministers, provincial party secretaries and chairs of provincial people’s committees answer personally for remedying the shortcomings that the two reports name for their ministry, branch or locality: assign responsibility clearly and set a completion date.',
    assignment: {
      leadUnitIds: [...ministryIds, ...currentCommitteeIds, ...localityIds],
      group: group(
        'ministry+provincial_party_committee+provincial_peoples_committee',
        'Ministers, provincial party secretaries and chairs of provincial people’s committees',
      ),
      deadline: none,
    },
  },
  {
    directive: '195-KL/TW',
    reference: '3',
    text: 'Ministries, branches, localities: clear the backlog of administrative procedures.',
    assignment: {
      leadUnitIds: [...ministryIds, ...localityIds],
      group: ministriesAndLocalities,
      deadline: by('2025-10-15'),
    },
  },
  {
    directive: '195-KL/TW',
    reference: '3 (digital transformation)',
    text: 'Ministries, branches, localities: keep implementing Plan 02-KH/BCĐ (Resolution 57, digital transformation) and overcome the shortcomings in institutions, facilities, technology infrastructure and human resources that the Central Inspection Commission’s report names.',
    assignment: {
      leadUnitIds: [...ministryIds, ...localityIds],
      group: ministriesAndLocalities,
      deadline: none,
    },
  },
  {
    directive: '195-KL/TW',
    reference: '4',
    text: 'Fatherland Front Party Committee and central mass organizations: report to the Politburo and Secretariat on (1) restructuring socio-political and mass organizations at central and provincial level, (2) their press agencies, (3) the model of the Vietnam Cooperative Alliance and the Federation of Commerce and Industry.',
    assignment: { ...frontAndMassOrgs, deadline: { kind: 'week', month: '2025-10', week: 1 } },
  },
  {
    directive: '195-KL/TW',
    reference: '5',
    text: 'Central Organizing Committee: monitor progress of all units for the Politburo, adjust tasks and deadlines, and report to the 14th Central Conference.',
    assignment: { leadUnitIds: ['BTCTW'], deadline: { kind: 'month', month: '2025-11' } },
  },
];
