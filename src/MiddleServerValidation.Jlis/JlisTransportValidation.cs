using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Jlis;

/// <summary>
/// Lookups carry personal numbers: outside Development the J-LIS address must be https, unless it is a loopback
/// address (a stub or a local TLS-terminating gateway on the same machine). Checked at start-up, like every option.
/// </summary>
internal sealed class JlisTransportValidation(IHostEnvironment environment) : IValidateOptions<JlisOptions>
{
    public ValidateOptionsResult Validate(string? name, JlisOptions options)
    {
        if (options.BaseAddress is not { IsAbsoluteUri: true } address)
        {
            // Missing or relative: the annotations and JlisOptions.Validate say so.
            return ValidateOptionsResult.Skip;
        }

        var plainAllowed = address.IsLoopback || environment.IsDevelopment();
        return address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && plainAllowed)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Jlis:{nameof(JlisOptions.BaseAddress)} must be an https address ({address.Scheme}://{address.Authority} is not): " +
                "plain http is allowed only to a loopback address, or in the Development environment.");
    }
}
