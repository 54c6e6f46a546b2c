// FACTS: the documents of ../shared/DOMAIN.md with their codes, kinds, dates and issuers. Two
// dates DOMAIN.md does not give are public record: Resolution 18-NQ/TW (2017-10-25) and
// Directive 45-CT/TW (2025-04-14).
import type { IssueDirective } from '../src/domain/directives/decide.js';

/** A directive of the seed set. */
export type SeedDocument = Omit<IssueDirective, 'type' | 'occurredAt'>;

export const documents: SeedDocument[] = [
  {
    code: '18-NQ/TW',
    kind: 'resolution',
    title:
      'Nghị quyết 18-NQ/TW về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả',
    issuedOn: '2017-10-25',
    issuingUnitId: 'BCHTW',
  },
  {
    code: '89-QĐ/TW',
    kind: 'regulation',
    title: 'Quy định 89-QĐ/TW về khung tiêu chuẩn chức danh, định hướng khung tiêu chí đánh giá cán bộ',
    issuedOn: '2017-08-04',
    issuingUnitId: 'BCT',
  },
  {
    code: '214-QĐ/TW',
    kind: 'regulation',
    title: 'Quy định 214-QĐ/TW về khung tiêu chuẩn chức danh, tiêu chí đánh giá cán bộ',
    issuedOn: '2020-01-02',
    issuingUnitId: 'BCT',
  },
  {
    code: '124-QĐ/TW',
    kind: 'regulation',
    title: 'Quy định 124-QĐ/TW về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm',
    issuedOn: '2023-10-04',
    issuingUnitId: 'BCT',
  },
  {
    code: '57-NQ/TW',
    kind: 'resolution',
    title:
      'Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
    issuedOn: '2024-12-22',
    issuingUnitId: 'BCT',
  },
  {
    code: '45-CT/TW',
    kind: 'directive',
    title: 'Chỉ thị 45-CT/TW về đại hội đảng bộ các cấp (party congresses at every level)',
    issuedOn: '2025-04-14',
    issuingUnitId: 'BCT',
  },
  {
    code: '02-KH/BCĐTW',
    kind: 'plan',
    title: 'Kế hoạch 02-KH/BCĐTW (Resolution 57, digital transformation)',
    issuedOn: '2025-06-19',
    issuingUnitId: 'BCD57',
    references: [{ code: '57-NQ/TW', relation: 'implements' }],
  },
  {
    code: '56-KH/BCĐ',
    kind: 'plan',
    title: 'Kế hoạch 56-KH/BCĐ (arranging the two-tier local government)',
    issuedOn: '2025-07-04',
    issuingUnitId: 'BCD18',
    references: [{ code: '18-NQ/TW', relation: 'references' }],
  },
  {
    code: '428-BC/BTCTW',
    kind: 'report',
    title: 'Báo cáo 428-BC/BTCTW: the first month (1–31 July 2025) of the two-tier local government model',
    issuedOn: '2025-07-31',
    issuingUnitId: 'BTCTW',
  },
  {
    code: '183-KL/TW',
    kind: 'conclusion',
    title:
      'Kết luận 183-KL/TW của Bộ Chính trị, Ban Bí thư về tình hình, kết quả hoạt động của mô hình chính quyền địa phương 2 cấp',
    issuedOn: '2025-08-01',
    issuingUnitId: 'BCT',
    references: [
      { code: '428-BC/BTCTW', relation: 'based_on' },
      { code: '56-KH/BCĐ', relation: 'references' },
      { code: '02-KH/BCĐTW', relation: 'references' },
      { code: '89-QĐ/TW', relation: 'references' },
      { code: '214-QĐ/TW', relation: 'references' },
      { code: '124-QĐ/TW', relation: 'references' },
    ],
  },
  {
    code: '192-KL/TW',
    kind: 'conclusion',
    title: 'Kết luận 192-KL/TW (referenced by 195-KL/TW)',
    issuedOn: '2025-09-19',
    issuingUnitId: 'BCT',
  },
  {
    code: '195-KL/TW',
    kind: 'conclusion',
    title:
      'Kết luận 195-KL/TW của Bộ Chính trị, Ban Bí thư về tình hình, kết quả hoạt động của mô hình chính quyền địa phương 2 cấp',
    issuedOn: '2025-09-26',
    issuingUnitId: 'BCT',
    signer: { title: 'Thường trực Ban Bí thư (standing member of the Secretariat)', name: 'Trần Cẩm Tú' },
    references: [
      { code: '183-KL/TW', relation: 'references' },
      { code: '192-KL/TW', relation: 'references' },
      { code: '02-KH/BCĐTW', relation: 'references' },
    ],
  },
];
