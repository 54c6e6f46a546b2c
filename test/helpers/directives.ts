import type { Backend } from './backends.js';
import { testApp } from './http.js';

// The units of DOMAIN.md that the directive and task tests address. Codes are the tests' own;
// names and kinds are real. Communes are added per test and labelled illustrative.
const units = [
  ['BCT', 'central_body', 'Bộ Chính trị', 'Politburo'],
  ['BTCTW', 'central_body', 'Ban Tổ chức Trung ương', 'Central Organizing Committee'],
  ['UBKTTW', 'inspection_commission', 'Ủy ban Kiểm tra Trung ương', 'Central Inspection Commission'],
  ['DU-CP', 'central_body', 'Đảng ủy Chính phủ', 'Government Party Committee'],
  [
    'DU-MTTQ',
    'central_body',
    'Đảng ủy Mặt trận Tổ quốc Việt Nam',
    'Vietnam Fatherland Front Party Committee',
  ],
  ['BNV', 'ministry', 'Bộ Nội vụ', 'Ministry of Home Affairs'],
  ['BTP', 'ministry', 'Bộ Tư pháp', 'Ministry of Justice'],
  ['BTC', 'ministry', 'Bộ Tài chính', 'Ministry of Finance'],
] as const;

// Provincial party committees: Hà Nội and Huế unchanged on 1 July 2025; Hà Giang merged into
// Tuyên Quang (Resolution 202/2025/QH15), so the successor is registered from that day.
const provinces = [
  ['TU-HNO', 'Thành ủy Hà Nội', '1991-10-01'],
  ['TU-HUE', 'Thành ủy Huế', '1991-10-01'],
  ['TU-HAG', 'Tỉnh ủy Hà Giang', '1991-10-01'],
  ['TU-TQU', 'Tỉnh ủy Tuyên Quang', '2025-07-01'],
] as const;

/** Conclusion 183-KL/TW as issued on 2025-08-01 by the Politburo. */
export const conclusion183 = {
  code: '183-KL/TW',
  kind: 'conclusion',
  title: 'Kết luận của Bộ Chính trị, Ban Bí thư về tình hình hoạt động của chính quyền địa phương 2 cấp',
  issuedOn: '2025-08-01',
  issuingUnitId: 'BCT',
  references: [{ code: '428-BC/BTCTW', relation: 'based_on' }],
};

/** Clause 3.(1)(i) of 183-KL/TW: the Ministry of Home Affairs, with relevant ministries, by 2025-08-31. */
export const clause3_1_i = {
  reference: '3.(1)(i)',
  text: 'Bộ Nội vụ chủ trì, phối hợp với các bộ, ngành liên quan đào tạo, bồi dưỡng cán bộ, công chức cấp xã; xây dựng bộ công cụ đánh giá hiệu quả công việc của công chức',
  assignment: {
    leadUnitIds: ['BNV'],
    // "with relevant ministries": which ones is the tests' choice.
    coordinatingUnitIds: ['BTP', 'BTC'],
    expectedOutput: 'a toolkit to evaluate civil-servant performance',
    deadline: { kind: 'date', date: '2025-08-31' },
  },
};

/**
 * An app with the units of DOMAIN.md registered, tokens for each role, and short ways to issue
 * directives, add clauses and act on tasks over HTTP.
 */
export async function directivesApp(backend: Backend) {
  const base = await testApp(backend);
  const { call, token } = base;
  const admin = (await token('admin')).secret;
  const secretariat = (await token('secretariat', null, 'Văn phòng Trung ương Đảng (test)')).secret;
  const inspection = (await token('inspection', null, 'Ủy ban Kiểm tra Trung ương (test)')).secret;
  const viewer = (await token('viewer')).secret;

  const register = async (code: string, kind: string, nameVi: string, extra: object = {}) => {
    const res = await call('POST', '/units', {
      secret: admin,
      body: { code, kind, nameVi, effectiveFrom: '2025-03-01', ...extra },
    });
    if (res.statusCode !== 201) throw new Error(`registering ${code}: ${res.body}`);
  };
  for (const [code, kind, nameVi, nameEn] of units) await register(code, kind, nameVi, { nameEn });
  for (const [code, nameVi, effectiveFrom] of provinces) {
    await register(code, 'provincial_party_committee', nameVi, { effectiveFrom });
  }

  const path = (code: string) => `/directives/${encodeURIComponent(code)}`;
  return {
    ...base,
    admin,
    secretariat,
    inspection,
    viewer,
    register,
    /** A unit token for the unit. */
    unitToken: async (unitId: string) => (await token('unit', unitId, `${unitId} (test)`)).secret,
    /** The merger of 1 July 2025 in which Hà Giang went into Tuyên Quang. */
    mergeHaGiang: () =>
      call('POST', '/units/merge', {
        secret: admin,
        body: {
          predecessorIds: ['TU-HAG'],
          successorId: 'TU-TQU',
          effectiveFrom: '2025-07-01',
          reason: 'Nghị quyết 202/2025/QH15',
        },
      }),
    issue: (body: object, secret = secretariat) => call('POST', '/directives', { secret, body }),
    directive: (code: string, secret = viewer) => call('GET', path(code), { secret }),
    clause: (
      code: string,
      body: object,
      options: { secret?: string; headers?: Record<string, string> } = {},
    ) => call('POST', `${path(code)}/clauses`, { secret: secretariat, body, ...options }),
    task: (id: string, secret = viewer) => call('GET', `/tasks/${id}`, { secret }),
    act: (id: string, action: string, secret: string, body: object = {}) =>
      call('POST', `/tasks/${id}/${action}`, { secret, body }),
  };
}
