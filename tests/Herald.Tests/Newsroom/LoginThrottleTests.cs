using System.Diagnostics.Metrics;
using System.Net;
using Herald.Accounts;
using Herald.Hosting;
using Herald.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Herald.Tests.Newsroom;

/// <summary>A site whose sign-in throttle starts early and waits long, so a test sees it act and not expire.</summary>
public sealed class TightLoginFixture : SqliteSiteFixture
{
    public const int FreePerClient = 3;
    public const int FreePerAccount = 2;

    protected override void ConfigureServices(IServiceCollection services) => services.Configure<LoginThrottleOptions>(o =>
    {
        o.FreeFailuresPerClient = FreePerClient;
        o.FreeFailuresPerAccount = FreePerAccount;
        o.FirstWait = TimeSpan.FromMinutes(10);
        o.LongestWait = TimeSpan.FromHours(1);
    });
}

/// <summary>
/// Password spraying and guessing through the real sign-in page from separate client addresses:
/// the spraying client is made to wait and told how long, the owner of an attacked account still
/// gets in from a browser that signed in before, and every attempt is counted.
/// </summary>
public sealed class LoginThrottleTests(TightLoginFixture fixture) : IClassFixture<TightLoginFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task A_client_spraying_passwords_over_many_accounts_is_made_to_wait()
    {
        await NewsroomSession.CreateUserAsync(Server, "sprayed@example.org", Roles.Administrator, "the right password");
        using var sprayer = NewsroomSession.From(Server, IPAddress.Parse("127.2.0.1"));
        using var attempts = new AttemptCounter();
        for (var i = 0; i <= TightLoginFixture.FreePerClient; i++)
        {
            var failed = await SignInAsync(sprayer, $"someone{i}@example.org", "Summer2024!");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        // Even the right password for a real account is not checked while the client waits.
        var waiting = await SignInAsync(sprayer, "sprayed@example.org", "the right password");

        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.Equal("Too many failed sign-ins from your network. Try again in 10 minutes.", Problem(await waiting.Content.ReadAsStringAsync()));
        Assert.InRange(waiting.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        Assert.True(attempts.Of("failed") >= TightLoginFixture.FreePerClient + 1);
        Assert.True(attempts.Of("throttled") >= 1);

        using var colleague = NewsroomSession.From(Server, IPAddress.Parse("127.2.0.2"));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(colleague, "sprayed@example.org", "the right password")).StatusCode);
    }

    [Fact]
    public async Task An_attackers_failures_do_not_keep_the_owner_out()
    {
        await NewsroomSession.CreateUserAsync(Server, "owner@example.org", Roles.Administrator, "the owner's password");
        // The owner has signed in on this browser before.
        var ownersBrowser = new CookieContainer();
        using (var earlier = NewsroomSession.From(Server, IPAddress.Parse("127.2.1.1"), ownersBrowser))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(earlier, "owner@example.org", "the owner's password")).StatusCode);
        }

        using var attacker = NewsroomSession.From(Server, IPAddress.Parse("127.2.1.2"));
        for (var i = 0; i <= TightLoginFixture.FreePerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(attacker, "owner@example.org", $"guess {i}")).StatusCode);
        }
        var attackerWaits = await SignInAsync(attacker, "owner@example.org", "guess again");
        Assert.Equal(HttpStatusCode.TooManyRequests, attackerWaits.StatusCode);

        // A browser that never signed in to the account waits too: the account is under attack.
        using var stranger = NewsroomSession.From(Server, IPAddress.Parse("127.2.1.3"));
        var strangerWaits = await SignInAsync(stranger, "owner@example.org", "guess from elsewhere");
        Assert.Equal(HttpStatusCode.TooManyRequests, strangerWaits.StatusCode);
        Assert.Contains("for this e-mail address", Problem(await strangerWaits.Content.ReadAsStringAsync()));

        // The owner, from another address with their own browser, signs in.
        using var owner = NewsroomSession.From(Server, IPAddress.Parse("127.2.1.4"), ownersBrowser);
        var signedIn = await SignInAsync(owner, "owner@example.org", "the owner's password");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync("/newsroom")).StatusCode);
    }

    [Fact]
    public async Task A_browser_that_signed_in_before_is_told_its_own_wait()
    {
        await NewsroomSession.CreateUserAsync(Server, "clumsy@example.org", Roles.Editor, "the clumsy password");
        var browser = new CookieContainer();
        using var session = NewsroomSession.From(Server, IPAddress.Parse("127.2.3.1"), browser);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(session, "clumsy@example.org", "the clumsy password")).StatusCode);
        using var later = NewsroomSession.From(Server, IPAddress.Parse("127.2.3.2"), browser);
        for (var i = 0; i <= TightLoginFixture.FreePerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(later, "clumsy@example.org", $"mistyped {i}")).StatusCode);
        }

        var waiting = await SignInAsync(later, "clumsy@example.org", "the clumsy password");

        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.Equal("Too many failed sign-ins from this browser. Try again in 10 minutes.", Problem(await waiting.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData(0.2, "1 second")]
    [InlineData(1.5, "2 seconds")]
    [InlineData(59, "59 seconds")]
    [InlineData(61, "2 minutes")]
    [InlineData(3600, "60 minutes")]
    [InlineData(3 * 3600 + 1, "4 hours")]
    public void Waits_are_said_rounded_up(double seconds, string said)
    {
        Assert.Equal(said, Waits.Describe(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public async Task An_unknown_address_is_throttled_exactly_like_a_known_one()
    {
        await NewsroomSession.CreateUserAsync(Server, "real@example.org", Roles.Author, "the right password");
        var answers = new List<(int, string)>();
        foreach (var (email, client) in new[] { ("real@example.org", "127.2.2.1"), ("imaginary@example.org", "127.2.2.2") })
        {
            using var session = NewsroomSession.From(Server, IPAddress.Parse(client));
            for (var i = 0; i <= TightLoginFixture.FreePerAccount + 1; i++)
            {
                var response = await SignInAsync(session, email, $"guess {i}");
                answers.Add(((int)response.StatusCode, Problem(await response.Content.ReadAsStringAsync())));
            }
        }
        var half = answers.Count / 2;
        Assert.Equal(answers[..half], answers[half..]);
        Assert.Equal(429, answers[half - 1].Item1);
    }

    [Fact]
    public async Task Ipv6_clients_in_one_64_share_a_count()
    {
        var options = Options.Create(new LoginThrottleOptions { FreeFailuresPerClient = 2, FreeFailuresPerAccount = 100, FirstWait = TimeSpan.FromMinutes(1) });
        var throttle = new LoginThrottle(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), options, TimeProvider.System);
        var neighbours = new[] { "2001:db8:5:6::1", "2001:db8:5:6:ffff::2", "2001:db8:5:6:1234:5678:9abc:def0" };
        foreach (var address in neighbours)
        {
            await throttle.FailedAsync(new LoginAttempt(ClientNetwork.Of(IPAddress.Parse(address)), $"account of {address}", null), default);
        }

        var sameNetwork = await throttle.WaitAsync(new LoginAttempt(ClientNetwork.Of(IPAddress.Parse("2001:db8:5:6::99")), "another", null), default);
        var nextNetwork = await throttle.WaitAsync(new LoginAttempt(ClientNetwork.Of(IPAddress.Parse("2001:db8:5:7::1")), "another", null), default);

        Assert.Equal(LoginThrottle.ClientScope, sameNetwork?.Scope);
        Assert.Null(nextNetwork);
    }

    [Fact]
    public void Client_networks_are_ipv4_addresses_and_ipv6_64s()
    {
        Assert.Equal(ClientNetwork.Of(IPAddress.Parse("2001:db8:1:2::1")), ClientNetwork.Of(IPAddress.Parse("2001:db8:1:2:ffff:ffff:ffff:ffff")));
        Assert.Equal("2001:db8:1:2::/64", ClientNetwork.Of(IPAddress.Parse("2001:db8:1:2:3:4:5:6")));
        Assert.NotEqual(ClientNetwork.Of(IPAddress.Parse("2001:db8:1:2::1")), ClientNetwork.Of(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("192.0.2.7", ClientNetwork.Of(IPAddress.Parse("192.0.2.7")));
        Assert.NotEqual(ClientNetwork.Of(IPAddress.Parse("192.0.2.7")), ClientNetwork.Of(IPAddress.Parse("192.0.2.8")));
        Assert.Equal("192.0.2.7", ClientNetwork.Of(IPAddress.Parse("::ffff:192.0.2.7")));
        Assert.Equal("unknown", ClientNetwork.Of(null));
    }

    private static Task<HttpResponseMessage> SignInAsync(NewsroomSession session, string email, string password) =>
        session.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = email, ["Form.Password"] = password });

    private static string Problem(string page) => Html.Parse(page).QuerySelector(".form-problem")?.TextContent.Trim() ?? "";

    /// <summary>Listens to Herald's sign-in counter while a test runs.</summary>
    private sealed class AttemptCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly Dictionary<string, long> counts = [];

        public AttemptCounter()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LoginMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "outcome" && tag.Value is string outcome)
                    {
                        lock (counts)
                        {
                            counts[outcome] = counts.GetValueOrDefault(outcome) + value;
                        }
                    }
                }
            });
            listener.Start();
        }

        public long Of(string outcome)
        {
            lock (counts)
            {
                return counts.GetValueOrDefault(outcome);
            }
        }

        public void Dispose() => listener.Dispose();
    }
}