// Injected by esbuild into every worker bundle: isomorphic-git uses the Node global `Buffer`.
export { Buffer } from 'buffer';
