using System.Diagnostics;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Domain.Tests.TestSupport;
using Xunit.Abstractions;

namespace MiddleServerValidation.Domain.Tests;

public class TmpPerf(ITestOutputHelper output)
{
    [Fact]
    public void Measure()
    {
        var reader = new RegistrationReader(FixedClock.JapanNoon);
        var messages = new[]
        {
            new RegisterEnrollee { RegistrationId = "A-1", InsurerNumber = "06139992", PersonalNumber = "111111111118", BirthDate = "H1.9.13", KanaName = "シカク ハナコ", Sex = "2", CardSymbol = "77", CardNumber = "5501", BranchNumber = "00", QualificationDate = "2021-07-01" },
            new RegisterEnrollee { RegistrationId = "A-2", InsurerNumber = "06139992", PersonalNumber = "111111111118", BirthDate = "1989-09-13", KanaName = "ｼｶｸ ﾊﾅｺ", Sex = "2", CardNumber = "5501" },
        };
        for (var i = 0; i < 20000; i++) reader.Read(messages[i % 2]);
        var sw = Stopwatch.StartNew();
        const int n = 200_000;
        for (var i = 0; i < n; i++) reader.Read(messages[i % 2]);
        output.WriteLine($"read: {n / sw.Elapsed.TotalSeconds:F0}/s");
        var c = reader.Read(messages[0]).Candidate!;
        EarlierRegistration[] h = [new(Guid.NewGuid(), "01130012", new DateOnly(1989, 9, 13), "シカク ハナコ", Sex.Female)];
        sw.Restart();
        for (var i = 0; i < n; i++) CrossCheckEngine.Decide(c, h, null);
        output.WriteLine($"decide: {n / sw.Elapsed.TotalSeconds:F0}/s");
    }
}
