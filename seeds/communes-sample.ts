// A SAMPLE of the 3,321 commune-level units of 2025-07-01 (public record), labelled as a sample
// in its names' English rendering; the full list is not part of the seed set.
import type { SeedUnit } from './central-units.js';

const sample = (
  id: string,
  kind: SeedUnit['kind'],
  nameVi: string,
  nameEn: string,
  parentId: string,
): SeedUnit => ({
  id,
  kind,
  nameVi,
  nameEn: `${nameEn} (sample commune-level unit)`,
  parentId,
  effectiveFrom: '2025-07-01',
});

/** A few wards and special zones under their provincial party committees. */
export const communeSample: SeedUnit[] = [
  sample('ward-hoan-kiem', 'ward', 'Phường Hoàn Kiếm', 'Hoàn Kiếm Ward, Hà Nội', 'pc-ha-noi'),
  sample('ward-ba-dinh', 'ward', 'Phường Ba Đình', 'Ba Đình Ward, Hà Nội', 'pc-ha-noi'),
  sample('ward-sai-gon', 'ward', 'Phường Sài Gòn', 'Sài Gòn Ward, Hồ Chí Minh City', 'pc-ho-chi-minh-2025'),
  sample(
    'ward-ben-thanh',
    'ward',
    'Phường Bến Thành',
    'Bến Thành Ward, Hồ Chí Minh City',
    'pc-ho-chi-minh-2025',
  ),
  sample(
    'sz-con-dao',
    'special_zone',
    'Đặc khu Côn Đảo',
    'Côn Đảo Special Zone, Hồ Chí Minh City',
    'pc-ho-chi-minh-2025',
  ),
  sample(
    'sz-phu-quoc',
    'special_zone',
    'Đặc khu Phú Quốc',
    'Phú Quốc Special Zone, An Giang',
    'pc-an-giang-2025',
  ),
  sample(
    'sz-van-don',
    'special_zone',
    'Đặc khu Vân Đồn',
    'Vân Đồn Special Zone, Quảng Ninh',
    'pc-quang-ninh',
  ),
  sample(
    'sz-ly-son',
    'special_zone',
    'Đặc khu Lý Sơn',
    'Lý Sơn Special Zone, Quảng Ngãi',
    'pc-quang-ngai-2025',
  ),
];
