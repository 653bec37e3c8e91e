using System.Security.Cryptography;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Intake;
using MiddleServerValidation.Processing.ResidentLookups;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Processing.Tests.TestSupport;

/// <summary>Registrations prepared by the real intake (reader and protector with throwaway keys), and the context to decide them in.</summary>
internal static class Chunks
{
    public const string InsurerA = "06139992";
    public const string InsurerB = "01130012";

    /// <summary>2026-11-20 12:00 in Japan.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(9));

    public static readonly PersonalNumberProtector Protector = new(Options.Create(new PersonalDataOptions
    {
        HmacKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    }));

    public static readonly RegistrationIntake Intake = new(new RegistrationReader(new FixedClock(Now)), Protector);

    public static DecisionContext Context(bool writeNotices = true) =>
        new(RuleSets.Current, Now, new PendingLookupSchedule(new ProcessingOptions()), writeNotices);

    /// <summary>A valid personal number made from a seed (its check digit computed).</summary>
    public static string Number(long seed)
    {
        var body = (10_000_000_000 + seed).ToString("D11");
        return body + PersonalNumber.ComputeCheckDigit(body);
    }

    public static PreparedRegistration Prepare(
        string id, string? number, string birthDate = "1989-09-13", string kanaName = "シカク ハナコ", string insurer = InsurerA) =>
        Intake.Prepare(new RegisterEnrollee
        {
            RegistrationId = id,
            InsurerNumber = insurer,
            PersonalNumber = number,
            BirthDate = birthDate,
            KanaName = kanaName,
            CardSymbol = "77",
            CardNumber = "5501",
            BranchNumber = "00",
        });

    public static EarlierRegistration Earlier(string insurer = InsurerB, string birthDate = "1989-09-13", string kanaName = "シカク ハナコ") =>
        new(Guid.CreateVersion7(), insurer, DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), kanaName, null);

    public static HistoryBook History(params (PreparedRegistration Of, EarlierRegistration Earlier)[] entries)
    {
        var history = HistoryBook.Empty();
        foreach (var (of, earlier) in entries)
        {
            history.Add(of.NumberKeyHex!, earlier);
        }

        return history;
    }

    public static Dictionary<string, ResidentAnswer> NoAnswers() => new(StringComparer.Ordinal);
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
