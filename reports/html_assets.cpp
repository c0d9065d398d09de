// The inline stylesheet and script of the HTML timeline. No network, no libraries: the page
// must open by double-click in an offline meeting room.
#include "reports/html_parts.hpp"

namespace drsim::reports::html {

const char* page_css() {
  return R"CSS(
:root{--lw:270px;--lane-h:18px;font:13px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1a1a1a;background:#fff}
*{box-sizing:border-box}
body{margin:0;padding:10px 16px 24px}
h2{font-size:15px;margin:14px 0 6px}
code{font-size:12px}
.summary{display:grid;grid-template-columns:1fr auto;gap:4px 24px;align-items:start}
.summary h1{font-size:21px;margin:0}
.desc{margin:2px 0 0;max-width:130ch;color:#333;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;cursor:pointer}
.desc.open{display:block}
@media (max-width:1400px){:root{--lw:210px}}
.verdict{font-weight:700;font-size:18px;padding:6px 14px;border-radius:6px;border:2px solid #888;align-self:center;white-space:nowrap}
.verdict.met{color:#005c42;border-color:#009E73;background:#e6f5ef}
.verdict.missed{color:#8a2a00;border-color:#D55E00;background:#fbe9e0}
.kpis{grid-column:1/-1;display:flex;flex-wrap:wrap;gap:2px 22px;margin:6px 0 0}
.kpi{display:flex;align-items:baseline;gap:6px}
.kpi dt{font-size:11px;color:#555;text-transform:uppercase;letter-spacing:.03em}
.kpi dd{margin:0;font-weight:600}
.meta{grid-column:1/-1;color:#666;font-size:11px;margin:2px 0 0}
.controls{position:sticky;top:0;z-index:20;background:#fff;padding:5px 0;border-bottom:1px solid #ccc;display:flex;gap:4px;align-items:center;flex-wrap:wrap;height:34px}
.controls button{font:inherit;font-size:12px;padding:2px 8px;border:1px solid #bbb;background:#f6f6f6;border-radius:4px;cursor:pointer}
.controls button.on{background:#0072B2;color:#fff;border-color:#0072B2}
.controls .sep{width:14px}
.legend{margin:4px 0}
.legend h2{display:none}
.legend ul{display:flex;flex-wrap:wrap;gap:2px 14px;list-style:none;padding:0;margin:0;font-size:11.5px}
.legend li{display:flex;align-items:center;gap:4px}
.legend .sw{position:static;display:inline-block;width:24px;height:11px;border-radius:2px}
.legend .sw.mline,.legend .sw.rtoline{height:0;border-radius:0;border-left:0;border-top:2px dashed #444}
.legend .sw.rtoline{border-top:3px solid #D55E00}
.legend .sw.cpsw{border-top:3px solid #000;border-bottom:3px solid #000;box-sizing:border-box;background:none}
.tl{position:relative;margin-top:2px;border-top:1px solid #999;border-bottom:1px solid #999}
.row{display:flex;min-height:var(--lane-h);position:relative;z-index:1}
.lbl{flex:0 0 var(--lw);width:var(--lw);padding:0 6px 0 4px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;position:relative;border-right:1px solid #999;background:#fff}
.trk{flex:1 1 auto;position:relative;overflow:hidden;min-width:0}
.trk>*,.bg>*,.fg>*{position:absolute}
.ph,.day,.night,.plot{left:calc((var(--l) - var(--shift)) * var(--zoom) * 1%);width:calc(var(--w) * var(--zoom) * 1%)}
.pt,.tick,.dayline,.mline,.rtoline{left:calc((var(--l) - var(--shift)) * var(--zoom) * 1%)}
.bg,.fg{position:absolute;top:0;bottom:0;left:var(--lw);right:0;overflow:hidden;pointer-events:none}
.bg{z-index:0}.fg{z-index:3}
.bg>*,.fg>*{top:0;bottom:0}
.night{background:#e4e9f1}
.tick{border-left:1px solid #f1f1f1}.tick.major{border-left-color:#d6d6d6}
.dayline{border-left:2px solid #777}
.mline{border-left:1px dashed #555}
.rtoline{border-left:3px solid #009E73}.rtoline.missed{border-left-color:#D55E00}
.head{position:sticky;top:34px;z-index:10;background:#fff;border-bottom:1px solid #999}
.head .row{z-index:auto}
.axis .trk{height:32px}
.axis .hint{font-size:11px;color:#666;line-height:32px}
.day{top:0;height:16px;border-left:2px solid #777;padding-left:4px;font-size:12px}
.hr{top:16px;font-size:10px;color:#555;transform:translateX(-50%);display:none}
.hr.major,.zoomed .hr{display:block}
.marks{border-top:1px solid #eee}
.marks>.lbl{font-size:11px;color:#444;line-height:17px}
.marks .trk{height:calc(var(--rows) * 17px + 3px)}
.marks .pt{top:calc(var(--r) * 17px + 2px);font-size:11px;white-space:nowrap;line-height:15px;padding:0 3px}
.pt.ms{border-left:1px dashed #444}
.pt.rto{border-left:3px solid #009E73;font-weight:700;color:#005c42}
.pt.rto.missed{border-left-color:#D55E00;color:#8a2a00}
.pin{display:inline-block;min-width:17px;padding:0 4px;border-radius:8px;color:#fff;font-weight:700;font-size:10.5px;line-height:15px;text-align:center;background:#888}
.pins .pt.pin{border-radius:0 8px 8px 0;cursor:help}
.pins .pt.pin.slid{border-radius:8px}
.marks .pt.ms.slid{border-left-style:dotted;border-left-color:#999}
.pin.sev-error{background:#D55E00}.pin.sev-warning{background:#E69F00;color:#000}.pin.sev-info{background:#56B4E9;color:#000}
.pin.act{background:#444}
.group>.grp{background:rgba(0,0,0,.045);border-top:1px solid #ccc}
.group.lv0>.grp{background:rgba(0,0,0,.09);border-top:1px solid #888}
.grp>.lbl{font-weight:700;background:#f2f2f2}
.lv0>.grp>.lbl{background:#e6e6e6}
.lv1>.grp>.lbl{padding-left:16px}.lv2>.grp>.lbl{padding-left:28px;font-weight:600}.lv3>.grp>.lbl{padding-left:40px;font-weight:600}
.lv1 .lane>.lbl{padding-left:22px}.lv2 .lane>.lbl{padding-left:34px}.lv3 .lane>.lbl{padding-left:46px}
.tog{font:inherit;border:0;background:none;cursor:pointer;padding:0 4px 0 0;width:16px}
.tog::before{content:"\25BE"}
.collapsed>.grp .tog::before{content:"\25B8"}
.collapsed>.body{display:none}
.trk>.gs{position:absolute;left:6px;top:1px;font-size:11px;color:#333;white-space:nowrap}
.c0{color:#00734f}.c1{color:#7a6000}.c2{color:#b34700}.c3{color:#555}
.lane:hover{background:rgba(0,114,178,.07)}
.lane>.lbl{display:flex;align-items:baseline}
.lane>.lbl .nm{font-weight:600;overflow:hidden;text-overflow:ellipsis;flex:0 1 auto;min-width:3ch}
.lane>.lbl .st{margin-left:auto;padding-left:6px;font-size:11px;color:#555;flex:0 0 auto}
.st-up .st{color:#00734f}.st-degraded .st{color:#7a6000;font-weight:600}.st-blocked .st{color:#b34700;font-weight:700}.st-forced_off .st{color:#6b3fa0;font-weight:600}
.crit{color:#D55E00;font-size:9px;margin-left:3px;vertical-align:middle}
.ph{top:3px;bottom:3px;min-width:2px;border-radius:2px;overflow:hidden;font-style:normal;cursor:default}
.ph{container-type:inline-size}
.cp{top:0;bottom:0;left:calc((var(--l) - var(--shift)) * var(--zoom) * 1%);width:calc(var(--w) * var(--zoom) * 1%);border-top:3px solid #000;border-bottom:3px solid #000;box-sizing:border-box;pointer-events:none;z-index:2}
.drivers{margin:6px 0}.drivers h2{font-size:14px;margin:0 0 2px}.drivers p{margin:2px 0;font-size:12px}
.stack{display:flex;height:22px;border:1px solid #999;border-radius:3px;overflow:hidden}
.dv{display:block;min-width:2px;height:100%;overflow:hidden;font-style:normal;color:#fff;font-size:11px;line-height:22px;white-space:nowrap;text-overflow:ellipsis}
.dv>span{padding:0 4px}
.d-tape{background:#0072B2}.d-dasd{background:#56B4E9}.d-cps{background:#D55E00}.d-paging{background:#CC79A7}
.d-network{background:#b94f00}.d-people{background:#009E73}.d-plan{background:#777}.d-work{background:#E69F00}.d-other{background:#444}
@container (max-width:90px){.ph>span{display:none}}
.ph>span{display:block;font-size:10.5px;line-height:12px;padding:0 4px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.p-restore{background:#56B4E9}.p-ipl{background:#0072B2}.p-reconfigure{background:#CC79A7}
.p-logon{background:#9ad0ec}.p-boot{background:#E69F00}.p-app-start{background:#F0E442}
.p-tsm-restore{background:repeating-linear-gradient(135deg,#56B4E9 0 3px,#d9eefa 3px 6px)}
.p-waiting{background:repeating-linear-gradient(135deg,#c8c8c8 0 3px,#f2f2f2 3px 6px)}
.p-blocked{background:repeating-linear-gradient(135deg,#D55E00 0 6px,#b94f00 6px 9px);color:#fff}
.p-degraded{background:repeating-linear-gradient(135deg,#8fd3bd 0 6px,#E69F00 6px 8px)}
.p-degraded>span{color:#000;text-shadow:0 0 2px #fff,0 0 2px #fff}
.p-forced-off{background:#333;color:#fff}
.p-work{background:#999933}.p-up{background:#8fd3bd}.p-other{background:#bbb}
.charts .chart .trk,.charts .chart>.lbl{height:var(--h,128px)}
.chart>.lbl{white-space:normal;font-size:12px;padding-right:44px}
.chart>.lbl small{color:#555}
.keys{list-style:none;margin:2px 0;padding:0;font-size:11px}
.key{display:inline-block;width:16px;height:3px;background:var(--c);vertical-align:middle;margin-right:4px}
.ymax,.ymid,.ymin{position:absolute;right:4px;font-size:10px;color:#555}
.ymax{top:0}.ymid{top:calc(52% - 7px)}.ymin{bottom:0}
.plot{top:0;height:100%}
.plot .line{fill:none;stroke-width:1.7;vector-effect:non-scaling-stroke}
.plot .grid{stroke:#bbb;stroke-width:1;stroke-dasharray:2 3;vector-effect:non-scaling-stroke}
.lists table{border-collapse:collapse;width:100%;font-size:12px}
.lists th,.lists td{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
.lists th{background:#f2f2f2}
.lists tr.sev-error td:nth-child(3){color:#b34700;font-weight:700}
.tip{position:fixed;z-index:50;background:#222;color:#fff;padding:6px 9px;border-radius:4px;font-size:12px;pointer-events:none;max-width:440px;white-space:pre-line;box-shadow:0 2px 6px rgba(0,0,0,.3)}
.daytitle{display:none}
@page{size:landscape;margin:8mm}
@media print{
:root{--lw:200px;font-size:10px}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{padding:0}
.desc{display:block}
.controls,.tip{display:none}
.head{position:static}
.row{break-inside:avoid}
.lists{break-before:page}
body.print-days #tl{display:none}
.daypage{break-before:page}
.daypage .daytitle{display:block;font-size:14px;margin:0 0 4px}
}
)CSS";
}

const char* page_js() {
  return R"JS(
(function () {
  'use strict';
  var root = document.documentElement;
  window.addEventListener('error', function (e) { root.setAttribute('data-drsim', 'error: ' + e.message); });
  var data = JSON.parse(document.getElementById('drsim-data').textContent);
  var DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  var tl = document.getElementById('tl');
  var tip = document.getElementById('tip');

  function two(n) { return (n < 10 ? '0' : '') + n; }
  function at(t) {
    var m = Math.floor((data.start_week_s + t) / 60 + 1e-9);
    m = ((m % 10080) + 10080) % 10080;
    return DAYS[Math.floor(m / 1440)] + ' ' + two(Math.floor(m % 1440 / 60)) + ':' + two(m % 60);
  }
  function dur(s) {
    var min = Math.round(Math.max(s, 0) / 60);
    if (min < 60) return min + ' min';
    var h = Math.floor(min / 60);
    if (h < 24) return h + ' h ' + two(min % 60) + ' min';
    return Math.floor(h / 24) + ' d ' + (h % 24) + ' h';
  }

  function phaseText(lane, p) {
    var end = p[4] ? 'until the end (' + at(p[2]) + ')' : at(p[2]);
    var lines = [lane.n + ' \u00b7 ' + p[0], at(p[1]) + ' \u2192 ' + end, 'duration ' + dur(p[2] - p[1])];
    if (p[3]) lines.push(p[3]);
    return lines.join('\n');
  }
  function showTip(ev) {
    var el = ev.target.closest ? ev.target.closest('.ph') : null;
    var laneEl = el ? el.closest('.lane') : null;
    if (!el || !laneEl) { tip.hidden = true; return; }
    var lane = data.lanes[Number(laneEl.getAttribute('data-i'))];
    var p = lane && lane.p[Number(el.getAttribute('data-j'))];
    if (!p) { tip.hidden = true; return; }
    tip.textContent = phaseText(lane, p) + (lane.a ? '\n\n' + lane.a : '');
    tip.hidden = false;
    moveTip(ev);
  }
  function moveTip(ev) {
    if (tip.hidden) return;
    var x = ev.clientX + 14, y = ev.clientY + 14;
    if (x + tip.offsetWidth > window.innerWidth) x = ev.clientX - tip.offsetWidth - 10;
    if (y + tip.offsetHeight > window.innerHeight) y = ev.clientY - tip.offsetHeight - 10;
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }

  function setZoom(el, which) {
    var span = which === 'week' ? [0, data.duration_s]
             : which === 'busy' ? data.busy : data.days[Number(which)];
    var zoom = data.duration_s / Math.max(span[1] - span[0], 60);
    el.style.setProperty('--zoom', String(zoom));
    el.style.setProperty('--shift', String(span[0] / data.duration_s * 100));
    el.classList.toggle('zoomed', which !== 'week' && (which !== 'busy' || span[1] - span[0] <= 16 * 3600));
    el.classList.toggle('busy', which === 'busy');
    layoutMarks(el);
  }
  function onZoom(button) {
    if (!button) return;
    setZoom(tl, button.getAttribute('data-zoom'));
    var all = document.querySelectorAll('[data-zoom]');
    for (var i = 0; i < all.length; i++) all[i].classList.toggle('on', all[i] === button);
  }
  // Milestone, finding and action labels in rows, measured as drawn: a label goes to the first
  // row where it does not touch the one before, sliding right to share a row if need be (up to
  // a third of the track for findings and actions, a sixth for milestones, whose dashed line
  // keeps the time).
  function layoutMarks(el) {
    var rowsEls = el.querySelectorAll('.marks');
    for (var k = 0; k < rowsEls.length; k++) {
      var trk = rowsEls[k].querySelector('.trk');
      var slide = trk.clientWidth / (rowsEls[k].classList.contains('pins') ? 3 : 6);
      var marks = Array.prototype.slice.call(trk.querySelectorAll('.pt'));
      for (var i = 0; i < marks.length; i++) {
        marks[i].style.removeProperty('margin-left');
        marks[i].classList.remove('slid');
      }
      var pos = marks.map(function (m) { return { m: m, x: m.offsetLeft, w: m.offsetWidth }; });
      pos.sort(function (a, b) { return a.x - b.x; });
      var ends = [];
      for (i = 0; i < pos.length; i++) {
        var p = pos[i], r = 0;
        while (r < ends.length && ends[r] + 3 > p.x + slide) r++;
        if (r === ends.length) ends.push(-1e9);
        var x = Math.max(p.x, ends[r] + 3);
        if (x > p.x) { p.m.style.marginLeft = (x - p.x) + 'px'; p.m.classList.add('slid'); }
        p.m.style.setProperty('--r', String(r));
        ends[r] = x + p.w;
      }
      rowsEls[k].style.setProperty('--rows', String(Math.max(ends.length, 1)));
    }
  }
  // Large sites: a collapsed group's lanes wait as text (script.later) until it is first expanded.
  function unfold(group) {
    var body = group.querySelector(':scope>.body');
    var later = body && body.querySelector(':scope>script.later');
    if (!later) return;
    later.insertAdjacentHTML('afterend', later.textContent);
    body.removeChild(later);
  }
  function setAll(collapsed) {
    var groups = tl.querySelectorAll('.group');
    for (var i = 0; i < groups.length; i++) {
      if (!collapsed) unfold(groups[i]);
      groups[i].classList.toggle('collapsed', collapsed);
      groups[i].querySelector('.tog').setAttribute('aria-expanded', String(!collapsed));
    }
  }
  function printDays() {
    document.body.classList.add('print-days');
    var after = tl;
    for (var i = 0; i < data.days.length; i++) {
      var page = tl.cloneNode(true);
      page.removeAttribute('id');
      page.classList.add('daypage');
      var title = document.createElement('h2');
      title.className = 'daytitle';
      title.textContent = document.title + ' \u2014 ' + data.days[i][2];
      page.insertBefore(title, page.firstChild);
      setZoom(page, String(i));
      after.parentNode.insertBefore(page, after.nextSibling);
      after = page;
    }
    window.print();
  }
  window.addEventListener('afterprint', function () {
    document.body.classList.remove('print-days');
    var pages = document.querySelectorAll('.daypage');
    for (var i = 0; i < pages.length; i++) pages[i].parentNode.removeChild(pages[i]);
  });

  document.addEventListener('click', function (ev) {
    if (ev.target.classList && ev.target.classList.contains('desc')) ev.target.classList.toggle('open');
    var t = ev.target.closest ? ev.target.closest('button') : null;
    if (!t) return;
    if (t.classList.contains('tog')) {
      var g = t.closest('.group');
      unfold(g);
      var c = g.classList.toggle('collapsed');
      t.setAttribute('aria-expanded', String(!c));
    } else if (t.hasAttribute('data-zoom')) {
      onZoom(t);
    } else {
      var act = t.getAttribute('data-act');
      if (act === 'collapse') setAll(true);
      if (act === 'expand') setAll(false);
      if (act === 'print-week') window.print();
      if (act === 'print-days') printDays();
    }
  });
  tl.addEventListener('mouseover', showTip);
  tl.addEventListener('mousemove', moveTip);
  tl.addEventListener('mouseleave', function () { tip.hidden = true; });
  // #day=Mon (Tue, ...) opens on that day, #day=all on the whole exercise; else the busy part
  var wanted = /[#&]day=(\w+)/.exec(window.location.hash);
  var start = document.querySelector('[data-zoom].on');
  if (wanted && wanted[1] === 'all') start = document.querySelector('[data-zoom="week"]');
  for (var d = 0; wanted && d < data.days.length; d++) {
    if (data.days[d][2] === wanted[1]) start = document.querySelector('[data-zoom="' + d + '"]');
  }
  onZoom(start);
  var relayout = null;
  window.addEventListener('resize', function () {
    clearTimeout(relayout);
    relayout = setTimeout(function () { layoutMarks(tl); }, 100);
  });
  var shown = tl.querySelectorAll('.lane').length;
  var waiting = tl.querySelectorAll('.group script.later');
  for (var w = 0; w < waiting.length; w++) shown += (waiting[w].textContent.match(/class="row lane\s/g) || []).length;
  if (!Array.isArray(data.lanes) || shown !== data.lanes.length)
    throw new Error('drsim timeline: lanes and data disagree');
  root.setAttribute('data-drsim', 'ok');
})();
)JS";
}

}  // namespace drsim::reports::html
