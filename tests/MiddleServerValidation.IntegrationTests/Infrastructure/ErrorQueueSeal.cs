using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Worker.ErrorQueue;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>Opens an error-queue body with the class's personal-data key, as `msv errors` does.</summary>
public static class ErrorQueueSeal
{
    public static byte[] Open(ServiceFixture fixture, byte[] sealedBody)
    {
        using var protector = new PersonalNumberProtector(Options.Create(new PersonalDataOptions
        {
            HmacKey = fixture.Settings["PersonalData:HmacKey"],
            EncryptionKey = fixture.Settings["PersonalData:EncryptionKey"],
        }));
        return protector.Open(sealedBody, SealedErrorTransportFilter.Purpose);
    }
}
