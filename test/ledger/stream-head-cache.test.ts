import t from 'tap';
import { StreamHeadCache } from '../../src/ledger/stream-head-cache.js';

const head = (version: number) => ({ version, hash: Buffer.alloc(32, version) });

t.test('a head is known only at the version it was recorded at', async (t) => {
  const cache = new StreamHeadCache(10);
  cache.set('task', 't-1', head(3));
  t.same(cache.get('task', 't-1', 3), head(3));
  t.equal(cache.get('task', 't-1', 2), undefined, 'a writer expecting an older version gets nothing');
  t.equal(cache.get('task', 't-1', 4), undefined);
  t.equal(cache.get('shortcoming', 't-1', 3), undefined, 'streams of another type are apart');
});

t.test('the latest head recorded wins, in whichever generation the older one sits', async (t) => {
  const cache = new StreamHeadCache(4);
  cache.set('task', 'a', head(1));
  cache.set('task', 'b', head(1)); // the young generation is full: a and b become old
  cache.set('task', 'a', head(2));
  t.same(cache.get('task', 'a', 2), head(2));
  t.equal(cache.get('task', 'a', 1), undefined);
});

t.test('after a conflict the stream is forgotten in both generations', async (t) => {
  const cache = new StreamHeadCache(4);
  cache.set('task', 'a', head(1));
  cache.set('task', 'b', head(1));
  cache.set('task', 'a', head(2));
  cache.forget('task', 'a');
  t.equal(cache.get('task', 'a', 2), undefined);
  t.equal(cache.get('task', 'a', 1), undefined);
  t.same(cache.get('task', 'b', 1), head(1));
});

t.test('memory stays bounded, and what was used lately stays known', async (t) => {
  const cache = new StreamHeadCache(100);
  cache.set('task', 'kept', head(7));
  for (let i = 0; i < 1000; i++) {
    cache.set('task', `s-${i}`, head(1));
    if (i % 40 === 0) t.ok(cache.get('task', 'kept', 7), `still known after ${i} other streams`);
  }
  t.ok(cache.size <= 100, `holds ${cache.size} heads, at most the capacity`);
  t.equal(cache.get('task', 's-0', 1), undefined, 'a stream not seen for long is forgotten');
  t.same(cache.get('task', 's-999', 1), head(1), 'the last written is known');
});
