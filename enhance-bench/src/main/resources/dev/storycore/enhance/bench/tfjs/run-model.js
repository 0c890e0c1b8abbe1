// Runs a TF.js layers model on a raw NHWC float32 input with the pure-JS CPU or the WASM backend and
// prints the wall and CPU time of every timed run as JSON; writes the last output (NHWC float32).
// Used by StoryCore Enhance's TF.js speed comparison (enhance-bench, 'storycore bench tfjs').
// Usage: node run-model.js MODEL_JSON INPUT_RAW HEIGHT WIDTH RUNS WARMUPS BACKEND OUTPUT_RAW
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

// UpscalerJS's custom layers (packages/shared/src/esrgan/esrgan.ts), needed by the rrdn (thick) models.
class MultiplyBeta extends tf.layers.Layer {
  constructor() { super({}); this.beta = 0.2; }
  call(inputs) { return tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.beta); }
  static get className() { return 'MultiplyBeta'; }
}
tf.serialization.registerClass(MultiplyBeta);
for (const scale of [2, 3, 4, 8]) {
  const PixelShuffle = class extends tf.layers.Layer {
    constructor() { super({}); this.scale = scale; }
    computeOutputShape(s) { return [s[0], s[1], s[2], 3]; }
    call(inputs) { return tf.depthToSpace(Array.isArray(inputs) ? inputs[0] : inputs, this.scale, 'NHWC'); }
    static get className() { return 'PixelShuffle' + scale + 'x'; }
  };
  tf.serialization.registerClass(PixelShuffle);
}

async function main() {
  const [modelJson, inputFile, h, w, runs, warmups, backend, outputFile] = process.argv.slice(2);
  if (backend === 'wasm') {
    require('@tensorflow/tfjs-backend-wasm');
  }
  if (!(await tf.setBackend(backend))) {
    throw new Error('TF.js backend ' + backend + ' is not available');
  }
  await tf.ready();
  const dir = path.dirname(modelJson);
  const json = JSON.parse(fs.readFileSync(modelJson, 'utf8'));
  const specs = [];
  const shards = [];
  for (const group of json.weightsManifest) {
    specs.push(...group.weights);
    for (const p of group.paths) shards.push(fs.readFileSync(path.join(dir, p)));
  }
  const all = Buffer.concat(shards);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  const model = await tf.loadLayersModel(tf.io.fromMemory({modelTopology: json.modelTopology, weightSpecs: specs, weightData}));

  const raw = fs.readFileSync(inputFile);
  const values = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  const input = tf.tensor4d(values, [1, Number(h), Number(w), 3]);
  const wallMs = [];
  const cpuMs = [];
  let last = null;
  for (let i = 0; i < Number(warmups) + Number(runs); i++) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const out = model.predict(input);
    const data = await out.data();
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    if (i >= Number(warmups)) {
      wallMs.push(wall);
      cpuMs.push((cpu.user + cpu.system) / 1000);
    }
    last = data;
    out.dispose();
  }
  fs.writeFileSync(outputFile, Buffer.from(last.buffer, last.byteOffset, last.byteLength));
  console.log(JSON.stringify({tfjs: tf.version.tfjs, backend: tf.getBackend(), wallMs, cpuMs}));
}

main().catch(e => { console.error(e && e.stack || String(e)); process.exit(1); });
