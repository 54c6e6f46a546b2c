import t from 'tap';
import { ValidationError } from '../../src/errors.js';
import { testCatalogue } from '../helpers/catalogue.js';

t.test('appending validates against the latest schema', async (t) => {
  const ok = testCatalogue.validate('DirectiveNoted', {
    code: '183-KL/TW',
    title: 'Kết luận về tình hình thực hiện mô hình chính quyền địa phương hai cấp',
    kind: 'conclusion',
  });
  t.equal(ok.schemaVersion, 2);
  t.throws(
    () => testCatalogue.validate('DirectiveNoted', { code: '', title: 'x', kind: 'x' }),
    ValidationError,
  );
  const error = t.throws(() =>
    testCatalogue.validate('DirectiveNoted', { code: '195-KL/TW' }),
  ) as ValidationError;
  t.same(error.issues.map((i) => i.path).sort(), ['kind', 'title']);
  t.throws(() => testCatalogue.validate('NoSuchEvent', {}), ValidationError);
});

t.test('old versions are read through their upcaster', async (t) => {
  const read = testCatalogue.upcast('DirectiveNoted', 1, { code: '195-KL/TW', title: 'Kết luận 195' });
  t.same(read, { schemaVersion: 2, data: { code: '195-KL/TW', title: 'Kết luận 195', kind: 'conclusion' } });
  const current = testCatalogue.upcast('DirectiveNoted', 2, {
    code: '57-NQ/TW',
    title: 'x',
    kind: 'resolution',
  });
  t.equal(current.schemaVersion, 2);
});
