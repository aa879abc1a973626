// Drives the HyperLab web page in real headless Chromium (Debian's, never a downloaded one).
// Run by io.hyperlab.web.BrowserTest against a daemon it started:
//   HYPERLAB_URL=https://127.0.0.1:PORT/ HYPERLAB_PASSWORD=... SCREENSHOTS=DIR node pages.mjs
// Prints one line per step; exits non-zero at the first failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.env.HYPERLAB_URL;
const password = process.env.HYPERLAB_PASSWORD;
const shots = process.env.SCREENSHOTS || 'screenshots';
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const hostUri = process.env.HYPERLAB_HOST_URI || 'test:///default';
const LABEL = 'lab <img src=x onerror=alert(1)> VM';
mkdirSync(shots, { recursive: true });

const problems = [];
let passed = 0;

async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (error) {
    console.log(`not ok - ${name}: ${error.message}`);
    throw error;
  }
}

function check(condition, what) {
  if (!condition) throw new Error(what);
}

// Other programs on a shared machine add and drop network interfaces (libvirt bridges, namespaces);
// Chromium then aborts a navigation with ERR_NETWORK_CHANGED, which says nothing about the page.
async function open(page, url) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.goto(url);
    } catch (error) {
      if (attempt >= 5 || !String(error.message).includes('ERR_NETWORK_CHANGED')) throw error;
      await page.waitForTimeout(500);
    }
  }
}

function watch(page) {
  page.on('pageerror', e => problems.push(`page error: ${e.message}`));
  page.on('console', m => { if (m.type() === 'error' && !/401|Unauthorized/.test(m.text())) problems.push(`console: ${m.text()}`); });
  page.on('dialog', d => { problems.push(`a dialog opened: ${d.message()}`); d.dismiss(); });
}

const browser = await chromium.launch({
  executablePath: browserPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});
let exit = 0;
try {
  const desktop = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
  const page = await desktop.newPage();
  watch(page);

  await step('the login page shows and refuses a wrong password', async () => {
    await open(page, base);
    await page.waitForSelector('form#login', { timeout: 60_000 });
    await page.screenshot({ path: `${shots}/login.png`, fullPage: true });
    await page.fill('input[name=password]', 'not the password');
    await page.click('form#login button[type=submit]');
    await page.waitForSelector('#message:not([hidden])');
    check((await page.textContent('#message')).includes('wrong user name or password'), 'no error for a wrong password');
  });

  await step('logging in opens the dashboard with the appliance status', async () => {
    await page.fill('input[name=password]', password);
    await page.click('form#login button[type=submit]');
    await page.waitForSelector('#appliance dd');
    const text = await page.textContent('#appliance');
    check(/Version/.test(text) && /TLS/.test(text), `appliance card incomplete: ${text}`);
    check((await page.textContent('#appliance .mono')).match(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/), 'no TLS fingerprint shown');
    await page.screenshot({ path: `${shots}/dashboard.png`, fullPage: true });
  });

  await step('the iperf3 server starts and stops from the dashboard', async () => {
    await page.fill('#iperf input[name=port]', '0');
    await page.click('#iperf-toggle');
    await page.waitForFunction(() => document.querySelector('#iperf .status').textContent === 'idle');
    check(/on port \d+/.test(await page.textContent('#iperf')), 'no port shown');
    await page.click('#iperf-toggle');
    await page.waitForFunction(() => document.querySelector('#iperf .status').textContent === 'stopped');
    check(!/null|undefined/.test(await page.textContent('#iperf')), 'the iperf3 card shows null or undefined');
  });

  let runId;
  await step('a short benchmark started from the page shows its progress bar moving, then its result', async () => {
    await page.click('a[data-page=benchmarks]');
    await page.waitForSelector('form#start-run select[name=suite] option', { state: 'attached' });
    await page.selectOption('form#start-run select[name=suite]', 'cpu');
    await page.fill('form#start-run input[name=label]', LABEL);
    await page.fill('form#start-run input[name=trials]', '2');
    await page.selectOption('form#start-run select[name=size]', 'normal');
    await page.click('form#start-run summary');
    await page.fill('form#start-run input[name=minTime]', '0.1');
    await page.fill('form#start-run input[name=maxTrials]', '2');
    await page.click('form#start-run button[type=submit]');
    const seen = new Set();
    const deadline = Date.now() + 120_000;
    let finished = false;
    while (Date.now() < deadline && !finished) {
      const state = await page.evaluate(() => {
        const task = document.querySelector('#tasks .task');
        if (!task) return null;
        return { value: task.querySelector('[role=progressbar]').getAttribute('aria-valuenow'),
          status: task.querySelector('.status').textContent };
      });
      if (state) {
        seen.add(Number(state.value));
        finished = ['succeeded', 'failed', 'cancelled'].includes(state.status);
        if (finished) check(state.status === 'succeeded', `the run ended ${state.status}: ${await page.textContent('#tasks')}`);
        if (seen.size === 3) await page.screenshot({ path: `${shots}/benchmarks-running.png`, fullPage: true });
      }
      await page.waitForTimeout(100);
    }
    check(finished, 'the run did not finish in 2 minutes');
    const between = [...seen].filter(v => v > 0 && v < 100);
    check(between.length >= 2, `the progress bar did not move through the run: saw ${[...seen].join(', ')}`);
    check(seen.has(100), 'the progress bar did not reach 100');
    await page.waitForFunction(label => [...document.querySelectorAll('#view table td')].some(td => td.textContent === label), LABEL);
    check(await page.$$eval('#view img', imgs => imgs.length) === 0, 'a label became HTML');
    runId = await page.$eval('#tasks .task a', a => a.textContent.replace('run ', ''));
    await page.screenshot({ path: `${shots}/benchmarks.png`, fullPage: true });
  });

  await step('a run\'s page shows its statistics, bar chart and trials', async () => {
    await page.click(`#tasks .task a[href="#/runs/${runId}"]`);
    await page.waitForSelector('.chart svg rect.bar');
    check(await page.$$eval('.chart svg rect.bar', bars => bars.length) === 6, 'the chart should have one bar per SciMark metric');
    check((await page.textContent('h1')).includes(LABEL), 'the label is not shown as text in the title');
    const rows = await page.$$eval('#view section:last-of-type tbody tr', trs => trs.length);
    check(rows === 2, `expected 2 trials, saw ${rows}`);
    await page.screenshot({ path: `${shots}/run.png`, fullPage: true });
  });

  await step('comparing the run\'s label with the study shows the table and a grouped bar chart', async () => {
    await page.click('a[data-page=compare]');
    await page.waitForSelector('form#compare');
    await page.selectOption('form#compare select[name=a]', `label=${LABEL}`);
    await page.selectOption('form#compare select[name=b]', 'reference=thesis-2021');
    await page.click('form#compare button[type=submit]');
    await page.waitForSelector('#comparison .chart svg rect.bar');
    const legend = await page.$eval('#comparison .chart', chart => [...chart.querySelectorAll('.legend span')].map(s => s.textContent));
    check(legend.length === 3 && legend[0] === LABEL, `the chart's series: ${legend.join(' | ')}`);
    check(await page.$eval('#comparison .chart', chart => chart.querySelectorAll('rect.bar').length) >= 12, 'too few bars in the chart');
    check((await page.textContent('#comparison')).includes('vs baseline'), 'no difference column');
    check(await page.$$eval('#comparison a[href*="format=csv"]', links => links.length) === 1, 'no CSV download');
    await page.screenshot({ path: `${shots}/compare.png`, fullPage: true });
  });

  await step('a host is added, checked against the study, and its VMs started and created from the page', async () => {
    await page.click('a[data-page=hosts]');
    await page.fill('form#add-host input[name=name]', 'lab');
    await page.fill('form#add-host input[name=uri]', hostUri);
    await page.fill('form#add-host input[name=password]', 'host secret');
    await page.click('form#add-host button[type=submit]');
    await page.waitForSelector('#vms table');
    check(await page.$$eval('#vms tbody tr', rows => rows.length) >= 1, 'no VM listed');
    await page.click('#preflight');
    await page.waitForSelector('#facts table');
    const vm = await page.$eval('#vms tbody tr', row => row.dataset.vm);
    await page.click(`#vms tr[data-vm="${vm}"] button:has-text("Start")`);
    await page.waitForFunction(name => [...document.querySelectorAll('#tasks .task')].some(t =>
      t.textContent.includes(`start VM ${name}`) && t.querySelector('.status').textContent === 'succeeded'), vm);
    await page.fill('form#create-vm input[name=name]', 'made-from-web');
    await page.fill('form#create-vm input[name=template]', 'debian12');
    await page.fill('form#create-vm input[name=memory]', '256MiB');
    await page.fill('form#create-vm input[name=disk]', '1GiB');
    await page.fill('form#create-vm input[name=storage]', 'vms');
    await page.click('form#create-vm button[type=submit]');
    await page.waitForFunction(() => [...document.querySelectorAll('#tasks .task')].some(t =>
      t.textContent.includes('create VM made-from-web') && ['succeeded', 'failed'].includes(t.querySelector('.status').textContent)));
    const created = await page.evaluate(() => [...document.querySelectorAll('#tasks .task')]
      .find(t => t.textContent.includes('create VM made-from-web')).textContent);
    check(created.includes('succeeded'), `creating the VM: ${created}`);
    check(!(await page.content()).includes('host secret'), 'the host password is on the page');
    await page.screenshot({ path: `${shots}/host.png`, fullPage: true });
  });

  await step('an API token is made on the account page and shown once', async () => {
    await page.click('a[data-page=account]');
    await page.fill('form#new-token input[name=name]', 'browser test');
    await page.click('form#new-token button[type=submit]');
    await page.waitForSelector('.token .mono');
    check((await page.textContent('.token .mono')).startsWith('hl_'), 'no token shown');
    await page.screenshot({ path: `${shots}/account.png`, fullPage: true });
  });

  await step('on a phone-sized screen the pages fit the width', async () => {
    const phone = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2, isMobile: true, hasTouch: true, storageState: await desktop.storageState() });
    const small = await phone.newPage();
    watch(small);
    for (const [name, hash, ready] of [['dashboard', '#/', '#appliance dd'], ['benchmarks', '#/benchmarks', '#view table'],
      ['run', `#/runs/${runId}`, '.chart svg'], ['compare', '#/compare', 'form#compare'], ['hosts', '#/hosts/lab', '#vms table']]) {
      await open(small, base + hash);
      await small.waitForSelector(ready);
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 1, `${name} is ${overflow} px wider than the phone's screen`);
      // Lists stay one line a row: buttons or labels that wrap one word under the other make rows many lines tall.
      // (A run's trials table shows every metric of a trial in one cell, one a line, so it is left out.)
      const tallest = name === 'run' ? 0 : await small.evaluate(() => Math.max(0, ...[...document.querySelectorAll('#view tbody tr')].map(r => r.getBoundingClientRect().height)));
      check(tallest < 80, `${name} has a table row ${tallest} px high`);
      await small.screenshot({ path: `${shots}/phone-${name}.png`, fullPage: true });
    }
    await phone.close();
  });

  await step('logging out returns to the login page', async () => {
    await page.click('#logout');
    await page.waitForSelector('form#login');
    check(await page.isHidden('#nav'), 'the navigation stays after logging out');
  });

  check(problems.length === 0, `problems on the pages:\n${problems.join('\n')}`);
  console.log(`browser: ${passed} passed, 0 failed`);
} catch (error) {
  console.log(`browser: ${passed} passed, 1 failed`);
  console.error(error.stack || String(error));
  if (problems.length) console.error(problems.join('\n'));
  exit = 1;
} finally {
  await browser.close();
}
process.exit(exit);
