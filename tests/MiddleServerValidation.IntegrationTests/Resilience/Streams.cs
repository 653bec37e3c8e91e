using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Resilience;

/// <summary>The registrations a fault test streams: new numbers (each asks J-LIS), one insurer, ids with the test's prefix.</summary>
public static class Streams
{
    public static List<RegisterEnrollee> Registrations(string prefix, int count, long numberSeed) =>
        Enumerable.Range(0, count)
            .Select(k => TestData.Registration($"{prefix}-{k}", TestData.PersonalNumber(numberSeed + k), "H1.9.13", "シカク ハナコ"))
            .ToList();

    public static List<string> Ids(IEnumerable<RegisterEnrollee> registrations) => registrations.Select(r => r.RegistrationId!).ToList();
}
