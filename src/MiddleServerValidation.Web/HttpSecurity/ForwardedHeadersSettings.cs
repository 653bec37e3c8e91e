using System.ComponentModel.DataAnnotations;
using System.Net;

namespace MiddleServerValidation.Web.HttpSecurity;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the host believes (section
/// <c>ForwardedHeaders</c>). Nobody by default: a header anyone can write must not choose the address the sign-in
/// throttle counts and the audit log records, nor make plain HTTP pass for HTTPS.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of the host, e.g. <c>10.0.12.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR form, e.g. <c>10.0.0.0/16</c> (a Kubernetes ingress controller's pods).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row are read back from the end of the header: one per proxy the request went through.</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult(
                $"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR form (e.g. 10.0.0.0/16).", [nameof(KnownNetworks)]);
        }
    }
}
