using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MiddleServerValidation.IntegrationTests.Operations;

/// <summary>
/// A worker whose J-LIS knows residents 0..99 (<see cref="Resident"/>: born 1990-01-01, シカク ハナコ, female), and the
/// decision step it runs: operations are sent as an insurer's system sends them, with the sender authentication gives.
/// </summary>
public sealed class OperationsFixture : ServiceFixture
{
    public const string BirthDate = "1990-01-01";
    public const string Name = "シカク ハナコ";

    protected override IEnumerable<string> ExtraResidents =>
        Enumerable.Range(0, 100).Select(i => $"{Resident(i)},{Name},{BirthDate},2");

    public static string Resident(int i) => TestData.PersonalNumber(8_100_000 + i);

    /// <summary>
    /// These tests are about versions and history (which version counts for a later registration), which only the old
    /// policy tells apart: with every registration checked, J-LIS confirms a record whatever history it is decided against.
    /// </summary>
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Settings["Processing:JlisCheck"] = "WithoutHistory";
    }

    /// <summary>A registration of resident <paramref name="i"/> as J-LIS knows them (unless told otherwise).</summary>
    public static RegisterEnrollee Record(string id, int i, string insurer = TestData.InsurerA, string birthDate = BirthDate, string name = Name) =>
        TestData.Registration(id, Resident(i), birthDate, name, insurer) with { Sex = "2" };

    public async Task<DecisionStep> StepAsync() => (await EnsureWorkerAsync()).Services.GetRequiredService<DecisionStep>();

    /// <summary>Decides messages as their insurer sent them (the sender is the insurer the record names unless given).</summary>
    public async Task<IReadOnlyList<RegistrationResult>> SendAsync(string? sender, params RegisterEnrollee[] messages) =>
        await (await StepAsync()).DecideAsync(messages.Select(m => new Submission(m, sender ?? m.InsurerNumber)).ToArray(), CancellationToken.None);

    public async Task<RegistrationResult> SendAsync(RegisterEnrollee message) => (await SendAsync(null, message))[0];

    /// <summary>Every version of a record, oldest first.</summary>
    public async Task<List<StoredRegistration>> VersionsAsync(string registrationId, string insurer = TestData.InsurerA)
    {
        await using var db = CreateDbContext();
        return await db.Registrations.AsNoTracking()
            .Where(r => r.InsurerNumber == insurer && r.RegistrationId == registrationId).OrderBy(r => r.Version).ToListAsync();
    }
}
