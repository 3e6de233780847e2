/**
 * The report's style sheet (print-friendly, greyscale-safe: meaning never rests on hue alone).
 *
 * @module
 */

/** CSS of the page. */
export const STYLE = `
body { font: 14px/1.45 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #111; background: #fff; margin: 0; }
header, main { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { border-bottom: 2px solid #111; padding-bottom: 12px; }
h1 { font-size: 24px; margin: 20px 0 2px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #bbb; padding-bottom: 3px; }
h3 { font-size: 14px; margin: 10px 0 4px; }
.region { margin: 0 0 10px; color: #333; }
.identity { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 0; font-size: 12.5px; }
.identity div { display: flex; gap: 6px; max-width: 100%; }
.identity dt { color: #555; }
.identity dd { margin: 0; font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
table.data { border-collapse: collapse; width: 100%; font-size: 12.5px; }
table.data th, table.data td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
table.data th { border-bottom: 2px solid #111; font-weight: 600; }
table.data td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.data .id { color: #777; font-size: 11px; }
.sub { color: #555; font-size: 11.5px; }
table.data td.range { white-space: normal; }
td.range span { white-space: nowrap; }
td.src { overflow-wrap: anywhere; min-width: 120px; max-width: 200px; }
td.why { max-width: 420px; font-size: 11.5px; color: #333; }
.verdict { font-weight: 600; white-space: nowrap; }
#targets td:first-child { min-width: 140px; }
.joint { margin: 8px 0; }
.chart { margin: 6px 0; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 12.5px; margin: 2px 0 0 70px; }
.legend .item { display: inline-flex; align-items: center; gap: 6px; }
.legend i { display: inline-block; width: 22px; height: 12px; border: 1px solid #666; }
.legend .l-median { height: 0; border: 0; border-top: 3px solid rgb(31, 83, 160); }
.legend .l-b50 { background: rgba(31, 83, 160, 0.49); }
.legend .l-b80 { background: rgba(31, 83, 160, 0.32); }
.legend .l-b95 { background: rgba(31, 83, 160, 0.15); }
.legend .l-census { width: 9px; height: 9px; border-radius: 50%; background: #111; border-color: #111; }
.legend .l-yearend { width: 9px; height: 9px; border-radius: 50%; background: #fff; border: 2px solid #111; }
.legend .l-target { width: 11px; height: 11px; transform: rotate(45deg); background: linear-gradient(135deg, rgb(68,1,84), rgb(33,145,140), rgb(253,231,37)); border-color: #000; }
.legend .l-net { height: 0; border: 0; border-top: 2px dashed #000; }
.legend .p-urban { background: #1f3f73; border-color: #333; }
.legend .p-rural { background: #c9d9ee; border-color: #333; }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 8px 24px; }
.grid2 .legend { margin-left: 70px; }
.pyramid { margin: 6px 0; }
.drivers { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 6px 28px; }
.bar { display: grid; grid-template-columns: 190px 1fr 56px; gap: 6px; align-items: center; font-size: 12px; }
.bar .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar .track { background: #eee; height: 11px; }
.bar .fill { display: block; background: #1f53a0; height: 11px; }
.bar .val { text-align: right; font-variant-numeric: tabular-nums; }
code { font-size: 11.5px; }
@media print { h2 { break-after: avoid; } section { break-inside: avoid; } }
`;
