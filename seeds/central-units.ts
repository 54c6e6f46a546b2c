// FACTS: the central bodies DOMAIN.md names (Vietnamese names as the bodies use them). The
// ministries are the government line-up of March 2025 (public record: 14 ministries and 3
// ministerial-level agencies); DOMAIN.md names Home Affairs and Justice and says "…".
import type { unitKinds } from '../events/units.js';

/** A unit of the seed register. */
export interface SeedUnit {
  id: string;
  kind: (typeof unitKinds)[number];
  nameVi: string;
  nameEn: string;
  parentId?: string;
  effectiveFrom: string;
}

// Central bodies existed long before the tracker; their registration date is nominal.
const since = '2025-01-01';
const central = (id: string, kind: SeedUnit['kind'], nameVi: string, nameEn: string): SeedUnit => ({
  id,
  kind,
  nameVi,
  nameEn,
  effectiveFrom: since,
});

/** The Central Committee, Politburo, Secretariat and the central party bodies. */
export const centralBodies: SeedUnit[] = [
  central('BCHTW', 'central_body', 'Ban Chấp hành Trung ương Đảng', 'Party Central Committee'),
  central('BCT', 'central_body', 'Bộ Chính trị', 'Politburo'),
  central('BBT', 'central_body', 'Ban Bí thư', 'Secretariat'),
  central('BTCTW', 'central_body', 'Ban Tổ chức Trung ương', 'Central Organizing Committee'),
  central('UBKTTW', 'inspection_commission', 'Ủy ban Kiểm tra Trung ương', 'Central Inspection Commission'),
  central('VPTW', 'central_body', 'Văn phòng Trung ương Đảng', 'Central Party Office'),
  central('DUCP', 'central_body', 'Đảng ủy Chính phủ', 'Government Party Committee'),
  central('DUQH', 'central_body', 'Đảng ủy Quốc hội', 'National Assembly Party Committee'),
  central(
    'DUMTTQ',
    'central_body',
    'Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương',
    'Vietnam Fatherland Front Party Committee',
  ),
  central(
    'BCD57',
    'steering_committee',
    'Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
    'Central Steering Committee on Resolution 57 (science, technology, innovation, digital transformation)',
  ),
  central(
    'BCD18',
    'steering_committee',
    'Ban Chỉ đạo Trung ương tổng kết Nghị quyết 18',
    'Central Steering Committee summarizing Resolution 18',
  ),
];

/** Central mass organizations (under the Fatherland Front). */
export const massOrganizations: SeedUnit[] = [
  central(
    'TLDLD',
    'mass_organization',
    'Tổng Liên đoàn Lao động Việt Nam',
    'Vietnam General Confederation of Labour',
  ),
  central('HLHPN', 'mass_organization', 'Hội Liên hiệp Phụ nữ Việt Nam', "Vietnam Women's Union"),
  central(
    'DTN',
    'mass_organization',
    'Trung ương Đoàn TNCS Hồ Chí Minh',
    'Ho Chi Minh Communist Youth Union',
  ),
  central('HND', 'mass_organization', 'Hội Nông dân Việt Nam', "Vietnam Farmers' Union"),
  central('HCCB', 'mass_organization', 'Hội Cựu chiến binh Việt Nam', "Vietnam Veterans' Association"),
].map((u) => ({ ...u, parentId: 'DUMTTQ' }));

/** The ministries and ministerial-level agencies of the Government. */
export const ministries: SeedUnit[] = [
  ['BQP', 'Bộ Quốc phòng', 'Ministry of National Defence'],
  ['BCA', 'Bộ Công an', 'Ministry of Public Security'],
  ['BNG', 'Bộ Ngoại giao', 'Ministry of Foreign Affairs'],
  ['BNV', 'Bộ Nội vụ', 'Ministry of Home Affairs'],
  ['BTP', 'Bộ Tư pháp', 'Ministry of Justice'],
  ['BTC', 'Bộ Tài chính', 'Ministry of Finance'],
  ['BCTHUONG', 'Bộ Công Thương', 'Ministry of Industry and Trade'],
  ['BNNMT', 'Bộ Nông nghiệp và Môi trường', 'Ministry of Agriculture and Environment'],
  ['BXD', 'Bộ Xây dựng', 'Ministry of Construction'],
  ['BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch', 'Ministry of Culture, Sports and Tourism'],
  ['BKHCN', 'Bộ Khoa học và Công nghệ', 'Ministry of Science and Technology'],
  ['BGDDT', 'Bộ Giáo dục và Đào tạo', 'Ministry of Education and Training'],
  ['BYT', 'Bộ Y tế', 'Ministry of Health'],
  ['BDTTG', 'Bộ Dân tộc và Tôn giáo', 'Ministry of Ethnic and Religious Affairs'],
  ['NHNN', 'Ngân hàng Nhà nước Việt Nam', 'State Bank of Vietnam'],
  ['TTCP', 'Thanh tra Chính phủ', 'Government Inspectorate'],
  ['VPCP', 'Văn phòng Chính phủ', 'Office of the Government'],
].map(([id, nameVi, nameEn]) => ({
  id: id as string,
  kind: 'ministry' as const,
  nameVi: nameVi as string,
  nameEn: nameEn as string,
  effectiveFrom: '2025-03-01',
}));
