using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Reconciliation;

/// <summary>A class fixture whose J-LIS stub knows the residents <see cref="Resident"/> numbers (シカク ハナコ, 1990-01-01, female).</summary>
public sealed class ReconciliationFixture : ServiceFixture
{
    public const string ResidentName = "シカク ハナコ";
    public const string ResidentBirthDate = "1990-01-01";

    protected override IEnumerable<string> ExtraResidents =>
        Enumerable.Range(0, 50).Select(i => $"{Resident(i)},{ResidentName},{ResidentBirthDate},2");

    public static string Resident(int i) => TestData.PersonalNumber(62_000_000 + i);

    public Task<long> CountAsync(string sql) => TestSql.ScalarAsync<long>(ConnectionString, sql);

    public Task ExecuteAsync(string sql) => TestSql.ExecuteAsync(OwnerConnectionString, sql);
}
