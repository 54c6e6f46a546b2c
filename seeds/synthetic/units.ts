// SYNTHETIC — generated units for scale, every name ending "(synthetic)". Not the official list of
// communes: the counts per province below are rough weights so that the spread is uneven as in
// reality, and the totals (2,595 communes, 713 wards, 13 special zones) are DOMAIN.md's.
import { centralBodies, massOrganizations, ministries, type SeedUnit } from '../central-units.js';
import { mergers, unchanged } from '../provinces.js';
import { slug } from '../slug.js';
import { firstDay } from './calendar.js';

/** DOMAIN.md: commune-level units from 2025-07-01. */
export const COMMUNE_LEVEL_UNITS = 3321;
const WARDS = 713;
const SPECIAL_ZONES = 13;
/** About how many central units the synthetic set brings the register to. */
export const CENTRAL_UNITS = 60;

// Rough relative sizes (commune-level units per province after the merger), for the spread only.
const weights: Record<string, number> = {
  'Tuyên Quang': 124,
  'Lào Cai': 99,
  'Thái Nguyên': 92,
  'Phú Thọ': 148,
  'Bắc Ninh': 99,
  'Hưng Yên': 104,
  'Hải Phòng': 114,
  'Ninh Bình': 129,
  'Quảng Trị': 78,
  'Đà Nẵng': 94,
  'Quảng Ngãi': 96,
  'Gia Lai': 135,
  'Khánh Hòa': 65,
  'Lâm Đồng': 124,
  'Đắk Lắk': 102,
  'Hồ Chí Minh': 168,
  'Đồng Nai': 95,
  'Tây Ninh': 96,
  'Cần Thơ': 103,
  'Vĩnh Long': 124,
  'Đồng Tháp': 102,
  'Cà Mau': 64,
  'An Giang': 102,
  'Hà Nội': 126,
  Huế: 40,
  'Lai Châu': 38,
  'Điện Biên': 45,
  'Sơn La': 75,
  'Lạng Sơn': 65,
  'Quảng Ninh': 54,
  'Thanh Hóa': 166,
  'Nghệ An': 130,
  'Hà Tĩnh': 69,
  'Cao Bằng': 56,
};
const cities = new Set(['Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ']);
// Special zones lie on islands: one slot per zone, in the coastal provinces that have them.
const specialZoneSlots = [
  'Quảng Ninh',
  'Hải Phòng',
  'Quảng Trị',
  'Đà Nẵng',
  'Quảng Ngãi',
  'Khánh Hòa',
  'Lâm Đồng',
  'Hồ Chí Minh',
  'An Giang',
  'Quảng Ninh',
  'Hải Phòng',
  'An Giang',
  'An Giang',
];

/** One of the 34 provinces from 2025-07-01, with its synthetic commission and communes. */
export interface SyntheticProvince {
  name: string;
  partyCommitteeId: string;
  peoplesCommitteeId: string;
  inspectionCommissionId: string;
  communeIds: string[];
}

/** The synthetic units to register, and how they group for fan-out and inspection. */
export interface SyntheticRegister {
  units: SeedUnit[];
  provinces: SyntheticProvince[];
  /** Every central unit, real and synthetic. */
  centralIds: string[];
  ministryIds: string[];
  communeIds: string[];
  /** The province each commune belongs to. */
  provinceOf: Map<string, SyntheticProvince>;
  /** The first unit a synthetic run registers: its presence means the set is already there. */
  markerId: string;
}

// Largest remainders: whole numbers in proportion to the weights, adding up to `total`.
function apportion(names: string[], weight: (n: string) => number, total: number): Map<string, number> {
  const sum = names.reduce((s, n) => s + weight(n), 0);
  const exact = names.map((n) => ({ n, q: (weight(n) * total) / sum }));
  const out = new Map(exact.map(({ n, q }) => [n, Math.floor(q)]));
  let left = total - [...out.values()].reduce((s, v) => s + v, 0);
  for (const { n } of [...exact].sort((a, b) => (b.q % 1) - (a.q % 1) || a.n.localeCompare(b.n))) {
    if (left-- <= 0) break;
    out.set(n, (out.get(n) ?? 0) + 1);
  }
  return out;
}

const display = (name: string) => (name === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : name);
const english = (name: string) => (name === 'Hồ Chí Minh' ? 'Hồ Chí Minh City' : name);
const kindNames = {
  commune: ['Xã', 'Commune'],
  ward: ['Phường', 'Ward'],
  special_zone: ['Đặc khu', 'Special Zone'],
} as const;

function centralFill(count: number): SeedUnit[] {
  const kinds: [SeedUnit['kind'], string, string, string | undefined][] = [
    ['central_body', 'Cơ quan Trung ương', 'Central agency', undefined],
    ['steering_committee', 'Ban Chỉ đạo Trung ương', 'Central steering committee', undefined],
    ['mass_organization', 'Tổ chức quần chúng Trung ương', 'Central mass organization', 'DUMTTQ'],
    ['other', 'Cơ quan báo chí Trung ương', 'Central press agency', 'VPTW'],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [kind, vi, en, parentId] = kinds[i % kinds.length] as (typeof kinds)[number];
    const n = String(i + 1).padStart(2, '0');
    return {
      id: `syn-central-${n}`,
      kind,
      nameVi: `${vi} ${n} (synthetic)`,
      nameEn: `${en} ${n} (synthetic)`,
      ...(parentId ? { parentId } : {}),
      effectiveFrom: firstDay,
    };
  });
}

/** The synthetic register with `communeCount` commune-level units (3,321 at national scale). */
export function syntheticRegister(communeCount = COMMUNE_LEVEL_UNITS): SyntheticRegister {
  const names = [...mergers.map(([name]) => name), ...unchanged];
  const perProvince = apportion(names, (n) => weights[n] ?? 1, communeCount);
  const scale = communeCount / COMMUNE_LEVEL_UNITS;
  const zonesLeft = new Map<string, number>();
  for (const n of specialZoneSlots.slice(0, Math.round(SPECIAL_ZONES * scale))) {
    zonesLeft.set(n, (zonesLeft.get(n) ?? 0) + 1);
  }
  // Cities are mostly wards, provinces mostly communes.
  const wards = apportion(
    names,
    (n) => (perProvince.get(n) ?? 0) * (cities.has(n) ? 0.6 : 0.15),
    Math.round(WARDS * scale),
  );

  const realCentral = [...centralBodies, ...massOrganizations, ...ministries];
  const central = centralFill(Math.max(0, CENTRAL_UNITS - realCentral.length));
  const units: SeedUnit[] = [...central];
  const provinces: SyntheticProvince[] = names.map((name) => {
    const partyCommitteeId = mergers.some(([n]) => n === name) ? `pc-${slug(name)}-2025` : `pc-${slug(name)}`;
    const committee = `${cities.has(name) ? 'Thành ủy' : 'Tỉnh ủy'} ${display(name)}`;
    const commission: SeedUnit = {
      id: `syn-ubkt-${slug(name)}`,
      kind: 'inspection_commission',
      nameVi: `Ủy ban Kiểm tra ${committee} (synthetic)`,
      nameEn: `Inspection Commission of the ${english(name)} Party Committee (synthetic)`,
      parentId: partyCommitteeId,
      effectiveFrom: firstDay,
    };
    units.push(commission);
    const total = perProvince.get(name) ?? 0;
    const zones = Math.min(zonesLeft.get(name) ?? 0, total);
    const wardCount = Math.min(wards.get(name) ?? 0, total - zones);
    const communeIds: string[] = [];
    for (let i = 0; i < total; i++) {
      const kind = i < zones ? 'special_zone' : i < zones + wardCount ? 'ward' : 'commune';
      const [vi, en] = kindNames[kind];
      const n = String(i + 1).padStart(3, '0');
      const id = `syn-${slug(name)}-${n}`;
      communeIds.push(id);
      units.push({
        id,
        kind,
        nameVi: `${vi} ${n}, ${display(name)} (synthetic)`,
        nameEn: `${en} ${n}, ${english(name)} (synthetic)`,
        parentId: partyCommitteeId,
        effectiveFrom: firstDay,
      });
    }
    return {
      name,
      partyCommitteeId,
      peoplesCommitteeId: `ubnd-${slug(name)}`,
      inspectionCommissionId: commission.id,
      communeIds,
    };
  });
  return {
    units,
    provinces,
    centralIds: [...realCentral.map((u) => u.id), ...central.map((u) => u.id)],
    ministryIds: ministries.map((m) => m.id),
    communeIds: provinces.flatMap((p) => p.communeIds),
    provinceOf: new Map(provinces.flatMap((p) => p.communeIds.map((id) => [id, p] as const))),
    markerId: (units[0] as SeedUnit).id,
  };
}
