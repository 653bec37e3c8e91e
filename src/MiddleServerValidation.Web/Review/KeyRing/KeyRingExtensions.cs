using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Persistence.DataProtection;
using Npgsql;

namespace MiddleServerValidation.Web.Review.KeyRing;

public static class KeyRingExtensions
{
    /// <summary>
    /// Data protection for the console's cookies and forms, its keys in the database so that every web instance and
    /// the next start read what the others sealed — each key's secret sealed with <c>Console:KeyRingKey</c>, which
    /// is validated at start-up and is never in the database.
    /// </summary>
    public static WebApplicationBuilder AddConsoleKeyRing(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleKeys>().BindConfiguration(ConsoleOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ConsoleKeys>, ConsoleKeysValidator>();
        builder.Services.AddSingleton<KeyRingCipher>();
        builder.Services.AddDataProtection().SetApplicationName("MiddleServerValidation.Console");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource, KeyRingCipher, ILoggerFactory>((options, dataSource, cipher, logging) =>
            {
                options.XmlRepository = new SealedKeysOnly(new DatabaseXmlRepository(dataSource), logging.CreateLogger<SealedKeysOnly>());
                options.XmlEncryptor = new KeyRingEncryptor(cipher);
            });
        return builder;
    }
}
