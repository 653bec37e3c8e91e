using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Persistence.Staff;
using MiddleServerValidation.Staff;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Web;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>
/// A class's database filled by the real registration path (the worker's processor, the J-LIS stub), staff
/// accounts made as <c>msv staff add</c> makes them, and the web host on a real port. Cases, by the insurer's
/// registration id: A-0002 (BirthDateMismatch) and A-0003 (KanaNameMismatch) from the examples; R-01…R-06
/// (BirthDateMismatch, insurer A against B); S-01 (BirthDateMismatch registered by insurer B); N-01 (JlisNotFound).
/// </summary>
public class ReviewConsoleFixture : ServiceFixture, IAsyncLifetime
{
    public const string Password = "correct horse battery";
    public const string Reviewer = "reviewer1";
    public const string Supervisor = "supervisor1";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public WebApplication Web { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The personal number of each seeded registration, by registration id (tests compare unmasking with it).</summary>
    public Dictionary<string, string> Numbers { get; } = [];

    /// <summary>Cases per queue page: small, so that ten cases make two pages.</summary>
    public virtual int PageSize => 5;

    /// <summary>Settings of this class's web host beyond the fixture's.</summary>
    protected virtual IDictionary<string, string?> WebSettings => new Dictionary<string, string?>
    {
        ["Console:PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
    };

    protected virtual void ConfigureWeb(WebApplicationBuilder builder)
    {
    }

    protected override IEnumerable<string> ExtraResidents =>
        Enumerable.Range(1, 7).Select(i => $"{SeedNumber(i)},シンサ タロウ,1980-01-{i:00},1");

    private static string SeedNumber(int i) => TestData.PersonalNumber(7_000_000 + i);

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var worker = await EnsureWorkerAsync();
        await SeedAsync(worker.Services.GetRequiredService<DecisionStep>());
        await using (var db = CreateDbContext())
        {
            var accounts = new StaffAccounts(db, TimeProvider.System);
            await accounts.AddAsync(Reviewer, "審査 太郎", StaffRoles.Reviewer, Password, CancellationToken.None);
            await accounts.AddAsync(Supervisor, "監督 花子", StaffRoles.Supervisor, Password, CancellationToken.None);
        }

        Web = WebApp.Build([], builder =>
        {
            Configure(builder, WebSettings);
            ConfigureWeb(builder);
        });
        await Web.StartAsync();
        BaseAddress = new Uri(Web.Urls.First());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Web.StopAsync();
        await Web.DisposeAsync();
        await DisposeAsync();
    }

    /// <summary>Debian's chromium, driven by Playwright; launched on first use.</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        _playwright ??= await Playwright.CreateAsync();
        return _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MSV_TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<Guid> FindingOfAsync(string registrationKey)
    {
        await using var db = CreateDbContext();
        return await (from f in db.Set<StoredFinding>()
                      join r in db.Set<StoredRegistration>() on f.RegistrationId equals r.Id
                      where r.RegistrationId == registrationKey
                      select f.Id).SingleAsync();
    }

    public async Task<StoredFinding> FindingAsync(Guid id)
    {
        await using var db = CreateDbContext();
        return await db.Set<StoredFinding>().AsNoTracking().SingleAsync(f => f.Id == id);
    }

    private async Task SeedAsync(DecisionStep processor)
    {
        List<RegisterEnrollee> first = [.. TestData.Example("prior.csv").Select(TestData.FromExample)];
        List<RegisterEnrollee> second = [.. TestData.Example("new.csv").Select(TestData.FromExample)];
        for (var i = 1; i <= 6; i++)
        {
            first.Add(TestData.Registration($"P-{i:00}", SeedNumber(i), $"1980-01-{i:00}", "シンサ タロウ", TestData.InsurerB) with { Sex = "1" });
            second.Add(TestData.Registration($"R-{i:00}", SeedNumber(i), $"1981-02-{i:00}", "シンサ タロウ") with { Sex = "1" });
        }

        first.Add(TestData.Registration("Q-01", SeedNumber(7), "1980-01-07", "シンサ タロウ") with { Sex = "1" });
        second.Add(TestData.Registration("S-01", SeedNumber(7), "1982-03-07", "シンサ タロウ", TestData.InsurerB) with { Sex = "1" });
        second.Add(TestData.Registration("N-01", TestData.PersonalNumber(7_100_000), "1990-05-05", "ミトウロク ハナコ") with { Sex = "2" });

        foreach (var registration in first.Concat(second))
        {
            Numbers[registration.RegistrationId!] = registration.PersonalNumber!;
        }

        // Two rounds, as two submissions: the earlier registrations are accepted history for the later ones.
        var accepted = await processor.DecideAsync(first, CancellationToken.None);
        Assert.All(accepted, r => Assert.Equal(Outcomes.Accepted, r.Outcome));
        var suspected = await processor.DecideAsync(second, CancellationToken.None);
        Assert.Equal(10, suspected.Count(r => r.Outcome == Outcomes.Suspected));
    }
}
