/**
 * Pinned hashing vectors. The unit tests check them in Node and e2e/workbench.spec.ts checks
 * them in Chromium, so Node and the browser are proven to give the same content hashes.
 */
export const HASH_VECTORS = [
  {
    value: { b: [1, 2, { d: 'é', c: null }], a: true },
    canonical: '{"a":true,"b":[1,2,{"c":null,"d":"é"}]}',
    hash: '346eb61767b29e2a51a6f4b4fd2a29b11ae75f3ea13185f37d56fec043b891c5',
  },
  {
    value: { z: -0, y: 1e21, x: 0.1, w: 'line\nbreak', v: [] },
    canonical: '{"v":[],"w":"line\\nbreak","x":0.1,"y":1e+21,"z":0}',
    hash: '57d5d75044c429b44e0e2eec3154b731b9a018399636db63dd707dbdc7aa3da8',
  },
] as const;
