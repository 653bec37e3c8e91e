using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.ErrorQueue;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>Seals and opens error-queue bodies with the class's personal-data key, as the worker and `msv errors` do.</summary>
public static class ErrorQueueSeal
{
    public static byte[] Open(ServiceFixture fixture, byte[] sealedBody)
    {
        using var protector = Protector(fixture);
        return SealedRegistration.Open(protector, sealedBody);
    }

    public static byte[] Seal(ServiceFixture fixture, byte[] body)
    {
        using var protector = Protector(fixture);
        return SealedRegistration.Seal(protector, body);
    }

    private static PersonalNumberProtector Protector(ServiceFixture fixture) => new(Options.Create(new PersonalDataOptions
    {
        HmacKey = fixture.Settings["PersonalData:HmacKey"],
        EncryptionKey = fixture.Settings["PersonalData:EncryptionKey"],
    }));
}
