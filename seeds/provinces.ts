// FACTS: the provincial merger of 2025-07-01 (Resolution 202/2025/QH15), exactly the table in
// ../shared/DOMAIN.md: 23 successors formed from 52 predecessors, 11 provinces unchanged.
import type { SeedUnit } from './central-units.js';
import { slug } from './slug.js';

/** The decision the merger events cite. */
export const mergerDecision = 'Nghị quyết 202/2025/QH15 (Resolution 202/2025/QH15), effective 2025-07-01';
export const mergerDate = '2025-07-01';

/** Successor ← predecessors, as DOMAIN.md lists them (the successor keeps the first name). */
export const mergers: [successor: string, predecessors: string[]][] = [
  ['Tuyên Quang', ['Tuyên Quang', 'Hà Giang']],
  ['Lào Cai', ['Lào Cai', 'Yên Bái']],
  ['Thái Nguyên', ['Thái Nguyên', 'Bắc Kạn']],
  ['Phú Thọ', ['Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình']],
  ['Bắc Ninh', ['Bắc Ninh', 'Bắc Giang']],
  ['Hưng Yên', ['Hưng Yên', 'Thái Bình']],
  ['Hải Phòng', ['Hải Phòng', 'Hải Dương']],
  ['Ninh Bình', ['Ninh Bình', 'Hà Nam', 'Nam Định']],
  ['Quảng Trị', ['Quảng Trị', 'Quảng Bình']],
  ['Đà Nẵng', ['Đà Nẵng', 'Quảng Nam']],
  ['Quảng Ngãi', ['Quảng Ngãi', 'Kon Tum']],
  ['Gia Lai', ['Gia Lai', 'Bình Định']],
  ['Khánh Hòa', ['Khánh Hòa', 'Ninh Thuận']],
  ['Lâm Đồng', ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận']],
  ['Đắk Lắk', ['Đắk Lắk', 'Phú Yên']],
  ['Hồ Chí Minh', ['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa–Vũng Tàu']],
  ['Đồng Nai', ['Đồng Nai', 'Bình Phước']],
  ['Tây Ninh', ['Tây Ninh', 'Long An']],
  ['Cần Thơ', ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang']],
  ['Vĩnh Long', ['Vĩnh Long', 'Bến Tre', 'Trà Vinh']],
  ['Đồng Tháp', ['Đồng Tháp', 'Tiền Giang']],
  ['Cà Mau', ['Cà Mau', 'Bạc Liêu']],
  ['An Giang', ['An Giang', 'Kiên Giang']],
];

/** The 11 provinces the merger left unchanged. */
export const unchanged = [
  'Hà Nội',
  'Huế',
  'Lai Châu',
  'Điện Biên',
  'Sơn La',
  'Lạng Sơn',
  'Quảng Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Cao Bằng',
];

// Centrally-run cities have municipal party committees (Thành ủy), provinces provincial ones.
const cities = new Set(['Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ']);

function partyCommittee(name: string, id: string, effectiveFrom: string): SeedUnit {
  const city = cities.has(name);
  const display = name === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : name;
  return {
    id,
    kind: 'provincial_party_committee',
    nameVi: `${city ? 'Thành ủy' : 'Tỉnh ủy'} ${display}`,
    nameEn: `${name === 'Hồ Chí Minh' ? 'Hồ Chí Minh City' : name} ${city ? 'Municipal' : 'Provincial'} Party Committee`,
    effectiveFrom,
  };
}

// Registration dates before the merger are nominal: the tracker starts in 2025.
const before = '2025-01-01';

/** The 63 pre-merger provincial party committees: `pc-<name>`. */
export const predecessorCommittees: SeedUnit[] = [
  ...mergers.flatMap(([, predecessors]) => predecessors),
  ...unchanged,
].map((name) => partyCommittee(name, `pc-${slug(name)}`, before));

/** The 23 successors formed on 2025-07-01: `pc-<name>-2025`. */
export const successorCommittees: SeedUnit[] = mergers.map(([name]) =>
  partyCommittee(name, `pc-${slug(name)}-2025`, mergerDate),
);

/** The 34 provincial party committees in office from 2025-07-01. */
export const currentCommitteeIds: string[] = [
  ...mergers.map(([name]) => `pc-${slug(name)}-2025`),
  ...unchanged.map((name) => `pc-${slug(name)}`),
];

/** The 34 provincial people's committees from 2025-07-01, each under its party committee. */
export const peoplesCommittees: SeedUnit[] = [...mergers.map(([name]) => name), ...unchanged].map((name) => {
  const city = cities.has(name);
  const display = name === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : name;
  const committee = currentCommitteeIds.find(
    (id) => id === `pc-${slug(name)}-2025` || id === `pc-${slug(name)}`,
  );
  return {
    id: `ubnd-${slug(name)}`,
    kind: 'provincial_peoples_committee' as const,
    nameVi: `Ủy ban nhân dân ${city ? 'thành phố' : 'tỉnh'} ${display}`,
    nameEn: `${name === 'Hồ Chí Minh' ? 'Hồ Chí Minh City' : name} ${city ? 'Municipal' : 'Provincial'} People's Committee`,
    parentId: committee as string,
    effectiveFrom: mergerDate,
  };
});
