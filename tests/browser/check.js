#!/usr/bin/env node
// Checks rendered reports in Debian's Chromium, one browser for all files:
// axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA) and the structural rules of
// the output contract (scorecard(1): what render writes).  Usage:
//   node tests/browser/check.js REPORT.html...
// Prints "FAIL: ..." for each failed check and ends with the line
// "N passed, N failed"; exits 1 if any check failed, 2 if it could not run.
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update',
	'--disable-sync'];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const STATUSES = ['green', 'amber', 'red', 'none'];
const TRENDS = ['improving', 'worsening', 'up', 'down', 'unchanged', 'none'];
const DESC_MAX = 300;

let pass = 0;
let fail = 0;
function ok() { pass++; }
function bad(msg) { fail++; console.log('FAIL: ' + msg); }
function check(file, name, problems) {
	if (problems.length === 0) { ok(); return; }
	bad(`${file}: ${name}: ${problems.length} problem(s)`);
	for (const p of problems.slice(0, 15)) console.log('  ' + p);
	if (problems.length > 15) console.log(`  ... and ${problems.length - 15} more`);
}

// Runs in the page: returns { name: [problem, ...] } for each rule.
function structure(args) {
	const { STATUSES, TRENDS, DESC_MAX } = args;
	const r = {};
	const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
	const where = (el) => {
		const ind = el.closest('[data-indicator]');
		const id = el.id ? '#' + el.id : '';
		return `<${el.localName}${id}>` + (ind ? ` in ${ind.getAttribute('data-indicator')}` : '');
	};
	// Visible text: what a sighted reader sees, without aria-hidden parts.
	const visibleText = (el) => {
		let s = '';
		for (const n of el.childNodes) {
			if (n.nodeType === 3) s += n.data;
			else if (n.nodeType === 1 && n.getAttribute('aria-hidden') !== 'true' &&
			    getComputedStyle(n).display !== 'none') s += visibleText(n);
		}
		return s;
	};

	// <html lang>
	r.lang = [];
	const lang = document.documentElement.getAttribute('lang') || '';
	if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang)) r.lang.push(`<html lang="${lang}">`);

	// Headings in order: one h1 first, no level skipped going down.
	r.headings = [];
	const hs = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];
	let prev = 0;
	for (const h of hs) {
		const lv = +h.localName[1];
		if (prev === 0 && lv !== 1) r.headings.push(`first heading is ${h.localName}: "${text(h)}"`);
		if (prev !== 0 && lv > prev + 1) r.headings.push(`${h.localName} after h${prev}: "${text(h).slice(0, 60)}"`);
		if (!text(h)) r.headings.push(`empty ${h.localName}`);
		prev = lv;
	}
	if (document.querySelectorAll('h1').length !== 1) r.headings.push(`${document.querySelectorAll('h1').length} h1 elements`);

	// Every table has a non-empty caption, first child.
	r.captions = [];
	for (const t of document.querySelectorAll('table')) {
		const c = t.querySelector(':scope > caption');
		if (!c || !text(c)) r.captions.push(`${where(t)} has no caption`);
	}

	// Charts: <svg role="img"> named by its <title> and <desc>, the desc at
	// most DESC_MAX characters, described by a table of its figures.
	r.charts = [];
	const svgs = [...document.querySelectorAll('svg')].filter((s) => !s.parentElement.closest('svg'));
	for (const s of svgs) {
		if (s.getAttribute('aria-hidden') === 'true') continue;
		if (s.getAttribute('role') !== 'img') { r.charts.push(`${where(s)} without role="img"`); continue; }
		const title = s.querySelector(':scope > title');
		const desc = s.querySelector(':scope > desc');
		if (!text(title)) r.charts.push(`${where(s)} has no <title>`);
		if (!text(desc)) r.charts.push(`${where(s)} has no <desc>`);
		else if (text(desc).length > DESC_MAX) r.charts.push(`${where(s)}: <desc> is ${text(desc).length} characters`);
		else if (text(title) && text(desc).includes(text(title))) r.charts.push(`${where(s)}: <desc> repeats the title`);
		if (title && title.id && (s.getAttribute('aria-labelledby') || '').split(/\s+/).includes(title.id))
			r.charts.push(`${where(s)}: its accessible name repeats the title (aria-labelledby the <title>)`);
		const lb = (s.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
		if (lb.length === 0 && !s.getAttribute('aria-label')) r.charts.push(`${where(s)} has no aria-labelledby`);
		for (const id of lb) {
			const el = document.getElementById(id);
			if (!el) r.charts.push(`${where(s)}: aria-labelledby "${id}" does not exist`);
			else if (el !== title && el !== desc) r.charts.push(`${where(s)}: aria-labelledby "${id}" is not its title or desc`);
		}
		const db = (s.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
		if (db.length === 0) r.charts.push(`${where(s)} has no aria-describedby`);
		for (const id of db) {
			const t = document.getElementById(id);
			if (!t) { r.charts.push(`${where(s)}: aria-describedby "${id}" does not exist`); continue; }
			if (t.localName !== 'table') { r.charts.push(`${where(s)}: aria-describedby "${id}" is a <${t.localName}>`); continue; }
			if (!text(t.querySelector(':scope > caption'))) r.charts.push(`${where(s)}: table #${id} has no caption`);
			if (!t.querySelector('th[scope="col"]')) r.charts.push(`${where(s)}: table #${id} has no th scope=col`);
			if (!t.querySelector('th[scope="row"]')) r.charts.push(`${where(s)}: table #${id} has no th scope=row`);
			const noscope = t.querySelectorAll('th:not([scope])').length;
			if (noscope) r.charts.push(`${where(s)}: table #${id} has ${noscope} th without scope`);
		}
	}

	// The hooks: data-indicator with data-status and data-trend in the
	// contract's words.
	r.hooks = [];
	const inds = [...document.querySelectorAll('[data-indicator]')];
	for (const el of inds) {
		const id = el.getAttribute('data-indicator');
		const st = el.getAttribute('data-status');
		const tr = el.getAttribute('data-trend');
		if (!id) r.hooks.push(`${where(el)}: empty data-indicator`);
		if (!STATUSES.includes(st)) r.hooks.push(`${where(el)}: data-status="${st}"`);
		if (!TRENDS.includes(tr)) r.hooks.push(`${where(el)}: data-trend="${tr}"`);
	}
	for (const el of document.querySelectorAll('[data-status]:not([data-indicator])')) {
		if (!STATUSES.includes(el.getAttribute('data-status')))
			r.hooks.push(`${where(el)}: data-status="${el.getAttribute('data-status')}"`);
	}
	r.indicator_ids = [...new Set(inds.map((e) => e.getAttribute('data-indicator')))];

	// Status never by colour alone: every status badge shows a word, and
	// every indicator element holds such a badge.
	r.status_words = [];
	const badges = [...document.querySelectorAll('[data-status]')].filter((e) => !e.hasAttribute('data-indicator'));
	for (const b of badges) {
		const v = visibleText(b).replace(/\s+/g, ' ').trim();
		if (!/[A-Za-z]{2,}/.test(v)) r.status_words.push(`${where(b)}: status badge shows "${v}", no word`);
	}
	for (const el of inds) {
		const st = el.getAttribute('data-status');
		const has = [...el.querySelectorAll('[data-status]')].some((b) =>
			b.getAttribute('data-status') === st && /[A-Za-z]{2,}/.test(visibleText(b)));
		if (!has) r.status_words.push(`${where(el)}: no status badge with a word for "${st}"`);
	}
	return r;
}

async function main() {
	const files = process.argv.slice(2);
	if (files.length === 0) {
		console.error('usage: check.js REPORT.html...');
		process.exit(2);
	}
	let chromium;
	let axeSource;
	try {
		({ chromium } = require('playwright-core'));
		axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
	} catch (e) {
		console.log('FAIL: cannot load playwright-core or axe-core (npm ci --prefix tests/browser): ' + e.message);
		console.log(`0 passed, ${files.length} failed`);
		process.exit(2);
	}
	if (!fs.existsSync(CHROMIUM)) {
		console.log(`FAIL: ${CHROMIUM} not found (apt-get install chromium, or sh setup.sh)`);
		console.log(`0 passed, ${files.length} failed`);
		process.exit(2);
	}
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
	try {
		const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: true });
		// The report must not reach out: block everything but file: URLs.
		await context.route((url) => !url.href.startsWith('file:'), (route) => route.abort());
		for (const file of files) {
			const page = await context.newPage();
			const requests = [];
			page.on('request', (req) => { if (!req.url().startsWith('file:') && !req.url().startsWith('data:')) requests.push(req.url()); });
			try {
				await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
			} catch (e) {
				bad(`${file}: could not open: ${e.message}`);
				await page.close();
				continue;
			}
			check(file, 'self-contained (no network requests)', requests);

			// axe-core: on screen as it opens, then with every <details>
			// open (hidden content is not checked), then as printed.
			await page.addScriptTag({ content: axeSource });
			const runAxe = async (label) => {
				const res = await page.evaluate(async (tags) => {
					// eslint-disable-next-line no-undef
					const out = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
					return out.violations.map((v) => ({
						id: v.id, impact: v.impact, help: v.help,
						nodes: v.nodes.map((n) => n.target.join(' ') + (n.failureSummary ? ' -- ' + n.failureSummary.replace(/\s+/g, ' ') : '')),
					}));
				}, TAGS);
				const problems = [];
				for (const v of res) {
					problems.push(`${v.id} (${v.impact}): ${v.help}: ${v.nodes.length} element(s)`);
					for (const n of v.nodes.slice(0, 3)) problems.push('    ' + n.slice(0, 300));
				}
				check(file, `axe-core ${TAGS.join(',')} (${label})`, problems);
			};
			await runAxe('screen');
			await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
			await runAxe('screen, details open');
			await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = false; });
			await page.emulateMedia({ media: 'print' });
			await runAxe('print');
			await page.emulateMedia({ media: 'screen' });

			// Structure.
			const r = await page.evaluate(structure, { STATUSES, TRENDS, DESC_MAX });
			check(file, '<html lang>', r.lang);
			check(file, 'headings in order', r.headings);
			check(file, 'every table has a caption', r.captions);
			check(file, 'charts have title, desc and a table', r.charts);
			check(file, 'data-indicator/data-status/data-trend', r.hooks);
			check(file, 'status shown by a word, not colour alone', r.status_words);
			// Every indicator of summary.json beside it has its hook.
			const summary = path.join(path.dirname(file), 'summary.json');
			if (fs.existsSync(summary)) {
				const want = JSON.parse(fs.readFileSync(summary, 'utf8')).indicators.map((i) => i.id);
				check(file, 'an element per indicator of summary.json',
					want.filter((id) => !r.indicator_ids.includes(id)).map((id) => `no data-indicator="${id}"`));
			}
			await page.close();
		}
	} finally {
		await browser.close();
	}
	console.log(`${pass} passed, ${fail} failed`);
	process.exit(fail ? 1 : 0);
}

main().catch((e) => {
	console.log('FAIL: ' + (e && e.stack || e));
	console.log(`${pass} passed, ${fail + 1} failed`);
	process.exit(2);
});
