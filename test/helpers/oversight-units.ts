// The units the shortcoming and monthly-report HTTP tests act among, registered over HTTP. The
// bodies and the provinces are real (DOMAIN.md); the codes follow the seed register; heads' names,
// communes and anything said about them are illustrative.
import t, { type Test } from 'tap';
import { backends } from './backends.js';
import { testApp } from './http.js';

type TestApp = Awaited<ReturnType<typeof testApp>>;

/** A registered unit: code, kind, Vietnamese name, parent and since when. */
interface UnitSpec {
  code: string;
  kind: string;
  nameVi: string;
  nameEn?: string;
  parentId?: string;
  effectiveFrom?: string;
}

export const units: UnitSpec[] = [
  {
    code: 'UBKTTW',
    kind: 'inspection_commission',
    nameVi: 'Ủy ban Kiểm tra Trung ương',
    nameEn: 'Central Inspection Commission',
  },
  {
    code: 'BTCTW',
    kind: 'central_body',
    nameVi: 'Ban Tổ chức Trung ương',
    nameEn: 'Central Organizing Committee',
  },
  { code: 'DUCP', kind: 'central_body', nameVi: 'Đảng ủy Chính phủ', nameEn: 'Government Party Committee' },
  { code: 'BNV', kind: 'ministry', nameVi: 'Bộ Nội vụ', nameEn: 'Ministry of Home Affairs' },
  { code: 'BTP', kind: 'ministry', nameVi: 'Bộ Tư pháp', nameEn: 'Ministry of Justice' },
  { code: 'HNO', kind: 'provincial_party_committee', nameVi: 'Thành ủy Hà Nội' },
  {
    code: 'HNO-XA-01',
    kind: 'commune_party_committee',
    nameVi: 'Đảng ủy xã minh họa (illustrative)',
    parentId: 'HNO',
    effectiveFrom: '2025-07-01',
  },
  // Resolution 202/2025/QH15: Tuyên Quang and Hà Giang merged into Tuyên Quang on 2025-07-01.
  {
    code: 'HAG',
    kind: 'provincial_party_committee',
    nameVi: 'Tỉnh ủy Hà Giang',
    effectiveFrom: '1991-10-01',
  },
  {
    code: 'TQU-1991',
    kind: 'provincial_party_committee',
    nameVi: 'Tỉnh ủy Tuyên Quang',
    effectiveFrom: '1991-10-01',
  },
  {
    code: 'TQU',
    kind: 'provincial_party_committee',
    nameVi: 'Tỉnh ủy Tuyên Quang',
    effectiveFrom: '2025-07-01',
  },
];

/** Registers the units as an admin, and appoints an (illustrative) Minister of Home Affairs. */
export async function registerUnits({ call, token }: TestApp): Promise<void> {
  const admin = (await token('admin')).secret;
  for (const { effectiveFrom = '2025-01-01', ...unit } of units) {
    const res = await call('POST', '/units', { secret: admin, body: { ...unit, effectiveFrom } });
    if (res.statusCode !== 201) throw new Error(`registering ${unit.code}: ${res.body}`);
  }
  const head = await call('POST', '/units/BNV/heads', {
    secret: admin,
    body: {
      title: 'Bộ trưởng Bộ Nội vụ',
      personName: 'Minister (illustrative)',
      effectiveFrom: '2025-03-01',
    },
  });
  if (head.statusCode !== 200) throw new Error(`appointing the head: ${head.body}`);
}

/** Merges Hà Giang and the old Tuyên Quang into the new Tuyên Quang (Resolution 202/2025/QH15). */
export async function mergeTuyenQuang({ call, token }: TestApp) {
  return call('POST', '/units/merge', {
    secret: (await token('admin')).secret,
    body: {
      predecessorIds: ['TQU-1991', 'HAG'],
      successorId: 'TQU',
      effectiveFrom: '2025-07-01',
      reason: 'Nghị quyết 202/2025/QH15',
    },
  });
}

/**
 * A shortcoming named in the Central Inspection Commission's supervision report alongside
 * Report 428-BC/BTCTW (2025-07-31), in a category of Conclusion 195-KL/TW. The report's code is
 * not in the sources, hence none; the wording is illustrative.
 */
export function flagBody(unitId: string, extra: Record<string, unknown> = {}) {
  return {
    unitId,
    inspectionUnitId: 'UBKTTW',
    supervisionReport: {
      title: 'Báo cáo giám sát của Ủy ban Kiểm tra Trung ương (kèm Báo cáo 428-BC/BTCTW)',
      date: '2025-07-31',
    },
    category: 'human_resources',
    severity: 'high',
    description: 'Illustrative: commune-level civil servants not yet trained for the two-tier model',
    ...extra,
  };
}

/**
 * Runs `body` once per backend (PGlite, and the server when a URL is set), each time against a
 * fresh app with these units registered, closed when the subtest ends.
 */
export async function onEachBackendWithUnits(body: (t: Test, test: TestApp) => Promise<void>): Promise<void> {
  for (const backend of await backends()) {
    t.test(backend.name, async (t) => {
      const test = await testApp(backend);
      t.teardown(test.close);
      await registerUnits(test);
      await body(t, test);
    });
  }
}
