using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Herald.Tests.Security;

/// <summary>A page to load: what it is (for the report), where, and what shows it is ready.</summary>
public sealed record XssPage(string Label, string Url, string? ReadyWhen = null, int? ExpectedStatus = 200);

/// <summary>A refusal Herald answered to a form: shown in the browser from its Herald address with Herald's own headers.</summary>
public sealed record XssAnswer(string Path, int Status, Dictionary<string, string> Headers, string Body)
{
    public static async Task<XssAnswer> FromAsync(string key, HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Content-Length" or "Transfer-Encoding" or "Content-Encoding"))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new XssAnswer($"/__captured/{key}", (int)response.StatusCode, headers, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>How long a page took to load (Herald's answer and every picture, style sheet and script it asks for) and in all.</summary>
public sealed record XssTiming(string Label, string Url, TimeSpan Loaded, TimeSpan Total);

/// <summary>A script run or a latent hazard, with the page it happened on.</summary>
public sealed record XssFinding(string Detector, int Code, string Page, string Detail);

/// <summary>
/// Chromium with three detectors in every frame of every page, set up before any page script runs:
/// alert, confirm, prompt and print hooked; a setter on <c>window.__heraldXss</c> that records any
/// write to it; and the loopback <see cref="XssBeacon"/> that payloads fetch. Each page is loaded,
/// its inline handlers are fired and its javascript: links clicked, as a curious reader would, so
/// a payload waiting for a hover or a click runs too. The policy is either Herald's own content
/// security policy or bypassed, to prove the sanitizer holds on its own.
/// </summary>
public sealed class XssDetector : IAsyncDisposable
{
    /// <summary>Runs before the page's own scripts: the hooks cannot be beaten to the punch.</summary>
    private const string InitScript = """
        (() => {
          const report = (kind, value) => { try { window.__heraldReport(kind + '|' + String(value)); } catch (e) { } };
          for (const name of ['alert', 'confirm', 'prompt', 'print']) {
            const hook = function (message) { report(name, message); return name === 'confirm' ? false : null; };
            try { Object.defineProperty(window, name, { value: hook, writable: false, configurable: false }); } catch (e) { }
          }
          try {
            Object.defineProperty(window, '__heraldXss', { get() { return undefined; }, set(value) { report('property', value); }, configurable: false });
          } catch (e) { }
        })();
        """;

    /// <summary>
    /// Waits for the page's ready selector (attached to the DOM, as long as <see cref="ReadyTimeoutMs"/>),
    /// fires every inline handler and follows every javascript: address on the page (both run only
    /// if they survived the sanitizer and the policy allows them), lists them as latent hazards,
    /// and lists the placement codes the page's HTML carries afterwards, all in one round trip to
    /// the browser: the per-call cost of driving the browser, not the page, dominates a corpus of
    /// thousands of pages.
    /// </summary>
    private const string ExerciseScript = """
        async ([ready, timeout]) => {
          let isReady = true;
          if (ready && !document.querySelector(ready)) {
            isReady = await new Promise(resolve => {
              const observer = new MutationObserver(() => { if (document.querySelector(ready)) { finish(true); } });
              const timer = setTimeout(() => finish(!!document.querySelector(ready)), timeout);
              const finish = value => { observer.disconnect(); clearTimeout(timer); resolve(value); };
              observer.observe(document, { childList: true, subtree: true, attributes: true });
              if (document.querySelector(ready)) finish(true);
            });
          }
          const found = [];
          const scheme = /^\s*(javascript|vbscript|data\s*:\s*text\/html)/i;
          const note = (el, what) => found.push(what + ': ' + el.outerHTML.slice(0, 200));
          for (const el of document.querySelectorAll('*')) {
            for (const name of el.getAttributeNames()) {
              if (/^on/i.test(name)) {
                note(el, name);
                try { el.dispatchEvent(new Event(name.slice(2).toLowerCase(), { bubbles: false, cancelable: true })); } catch (e) { }
              }
            }
            for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'to', 'values', 'from']) {
              const value = el.getAttribute(name);
              if (value !== null && (name === 'srcdoc' || scheme.test(value.replace(/[\u0000-\u0020]/g, '')))) note(el, name);
            }
            const src = el.getAttribute('src') || '';
            if (el.tagName === 'SCRIPT' && !(el.type === 'application/ld+json' || (/^\/js\/[\w.-]+\.js(\?v=[\w-]+)?$/.test(src) && !el.textContent.trim()))) note(el, 'script');
            if (/^(IFRAME|FRAME|FRAMESET|OBJECT|EMBED|BASE|APPLET|PORTAL)$/.test(el.tagName)) note(el, 'element');
            if (el.tagName === 'META' && el.hasAttribute('http-equiv')) note(el, 'meta');
          }
          for (const a of document.querySelectorAll('a[href], area[href]')) if (a.protocol === 'javascript:') a.click();
          for (const f of document.querySelectorAll('form')) if (/^javascript:/i.test(f.getAttribute('action') || '')) { try { f.requestSubmit(); } catch (e) { } }
          for (const b of document.querySelectorAll('[formaction]')) if (/^javascript:/i.test(b.getAttribute('formaction'))) { try { b.form && b.form.requestSubmit(b); } catch (e) { } }
          // The page as Playwright's content() serialises it, scanned for placement codes here rather than shipped whole.
          const html = (document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '') + (document.documentElement ? document.documentElement.outerHTML : '');
          const codes = [...new Set(html.match(/(?<!\d)9\d{5}(?!\d)/g) || [])];
          return { ready: isReady, hazards: found, codes };
        }
        """;

    /// <summary>
    /// How long a page may take to show its ready selector, as long as a page may take to load: at load
    /// average 75 on two cores six editor previews took longer than the 10 s this was, and the run failed
    /// on pages that had proved nothing wrong. A page that gets ready sooner waits no longer.
    /// </summary>
    private const int ReadyTimeoutMs = 30_000;

    private readonly IBrowserContext context;

    private XssDetector(IBrowserContext context, bool bypassCsp)
    {
        this.context = context;
        BypassCsp = bypassCsp;
    }

    public bool BypassCsp { get; }

    public IBrowserContext Context => context;

    public string Mode => BypassCsp ? "policy bypassed" : "policy enforced";

    public ConcurrentQueue<XssFinding> Executions { get; } = new();

    public ConcurrentQueue<XssFinding> Latent { get; } = new();

    /// <summary>Pages that answered otherwise than expected, or never got ready: they prove nothing.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>Every placement code seen in each page's DOM: proof the payloads reached the pages.</summary>
    public ConcurrentDictionary<int, ConcurrentBag<string>> Seen { get; } = new();

    public int PagesLoaded => pagesLoaded;

    /// <summary>How long each page took to load, and to load and exercise: where a slow run spent its time.</summary>
    public ConcurrentQueue<XssTiming> Timings { get; } = new();

    private int pagesLoaded;

    public static async Task<XssDetector> StartAsync(IBrowser browser, string heraldOrigin, bool bypassCsp)
    {
        var context = await browser.NewContextAsync(new() { BypassCSP = bypassCsp, BaseURL = heraldOrigin, ViewportSize = new() { Width = 1280, Height = 900 } });
        var detector = new XssDetector(context, bypassCsp);
        await context.ExposeBindingAsync("__heraldReport", (BindingSource source, string report) =>
        {
            var split = report.IndexOf('|', StringComparison.Ordinal);
            var kind = split < 0 ? report : report[..split];
            var value = split < 0 ? "" : report[(split + 1)..];
            detector.Record(kind, value, source.Frame?.Url ?? "?");
        });
        await context.AddInitScriptAsync(InitScript);
        return detector;
    }

    /// <summary>Loads the pages, a few at a time, each through all the detectors.</summary>
    public Task VisitAsync(IReadOnlyList<XssPage> pages, int tabs = 4) => VisitAsync([.. pages.Select(page => (this, page))], tabs);

    /// <summary>
    /// Loads each page in its own detector's browser, <paramref name="tabs"/> pages at a time across
    /// all the detectors. One queue for all of them keeps every tab busy to the end of a phase: with a
    /// queue per detector, the one given fewer pages went idle while the other still had hundreds.
    /// </summary>
    public static async Task VisitAsync(IReadOnlyList<(XssDetector Detector, XssPage Page)> visits, int tabs)
    {
        var queue = new ConcurrentQueue<(XssDetector Detector, XssPage Page)>(visits);
        var workers = Enumerable.Range(0, Math.Min(tabs, visits.Count)).Select(async _ =>
        {
            var open = new Dictionary<XssDetector, IPage>();
            while (queue.TryDequeue(out var next))
            {
                if (!open.TryGetValue(next.Detector, out var page))
                {
                    page = await next.Detector.OpenPageAsync();
                    open[next.Detector] = page;
                }
                await next.Detector.VisitOneAsync(page, next.Page);
            }
            foreach (var page in open.Values)
            {
                await page.CloseAsync();
            }
        });
        await Task.WhenAll(workers);
    }

    private async Task<IPage> OpenPageAsync()
    {
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            Record("dialog", dialog.Message, page.Url);
            _ = dialog.DismissAsync();
        };
        return page;
    }

    private async Task VisitOneAsync(IPage page, XssPage target)
    {
        var clock = Stopwatch.StartNew();
        var loaded = TimeSpan.Zero;
        try
        {
            var response = await page.GotoAsync(target.Url, new() { WaitUntil = WaitUntilState.Load, Timeout = 30_000 });
            loaded = clock.Elapsed;
            Interlocked.Increment(ref pagesLoaded);
            if (target.ExpectedStatus is { } expected && response?.Status != expected)
            {
                Problems.Enqueue($"{target.Label}: {target.Url} answered {response?.Status} instead of {expected}");
            }
            var result = await page.EvaluateAsync<JsonElement>(ExerciseScript, new object?[] { target.ReadyWhen, ReadyTimeoutMs });
            if (!result.GetProperty("ready").GetBoolean())
            {
                Problems.Enqueue($"{target.Label}: {target.Url} never showed {target.ReadyWhen}");
            }
            var hazards = result.GetProperty("hazards").EnumerateArray().Select(h => h.GetString()!).ToList();
            foreach (var hazard in hazards)
            {
                Latent.Enqueue(new XssFinding("latent", 0, $"{target.Label} ({target.Url})", hazard));
            }
            var codes = result.GetProperty("codes").EnumerateArray().Select(c => int.Parse(c.GetString()!, CultureInfo.InvariantCulture));
            if (hazards.Count > 0)
            {
                // Fired handlers and followed javascript: links run in tasks of their own; give them a moment,
                // and read the page again after. A page with neither had nothing fired, and its load-time
                // scripts ran before the script above.
                await page.WaitForTimeoutAsync(100);
                codes = codes.Concat(XssCorpus.CodesIn(await page.ContentAsync()));
            }
            foreach (var code in codes.Distinct())
            {
                Seen.GetOrAdd(code, _ => []).Add(target.Label);
            }
        }
        catch (PlaywrightException e)
        {
            Problems.Enqueue($"{target.Label}: {target.Url} failed to load: {e.Message.Split('\n')[0]}");
        }
        Timings.Enqueue(new XssTiming(target.Label, target.Url, loaded, clock.Elapsed));
    }

    private void Record(string detector, string value, string where)
    {
        var code = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        Executions.Enqueue(new XssFinding(detector, code, where, value));
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}