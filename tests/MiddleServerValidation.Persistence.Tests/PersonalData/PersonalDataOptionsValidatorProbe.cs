using MiddleServerValidation.Persistence.PersonalData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Persistence.Tests.PersonalData;

/// <summary>The start-up validation of the personal-data keys, as a host registers it (<c>AddPersistence</c>).</summary>
internal sealed class PersonalDataOptionsValidatorProbe
{
    private readonly IValidateOptions<PersonalDataOptions> _validator;

    public PersonalDataOptionsValidatorProbe()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["ConnectionStrings:Validation"] = "Host=127.0.0.1;Port=1";
        builder.AddPersistence();
        _validator = builder.Build().Services.GetServices<IValidateOptions<PersonalDataOptions>>().Single();
    }

    public ValidateOptionsResult Validate(PersonalDataOptions options) => _validator.Validate(Options.DefaultName, options);
}
