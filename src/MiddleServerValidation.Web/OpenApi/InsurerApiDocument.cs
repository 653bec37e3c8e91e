using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MiddleServerValidation.Web.HttpSecurity;
using Scalar.AspNetCore;

namespace MiddleServerValidation.Web.OpenApi;

/// <summary>
/// The OpenAPI document of the insurers' HTTP API, served at <c>/openapi/insurers.json</c> and checked into the
/// repository as <c>docs/openapi.json</c>. Every endpoint under <c>/api/</c> is in it by its route alone: a new one
/// appears once the document is regenerated. The console and health endpoints are not part of the contract.
/// </summary>
public static class InsurerApiDocument
{
    public const string Name = "insurers";
    public const string Route = "/openapi/{documentName}.json";
    public const string SecurityScheme = "insurerApiKey";

    public static IHostApplicationBuilder AddInsurerApiDocument(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(Name, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "MiddleServerValidation insurers' API",
                    Version = "v1",
                    Description = "保険者向けの一括登録 API。各 API は保険者ごとの API キー（Authorization: Bearer <APIキー>）で認証します。"
                        + "エラーは RFC 9457 の problem details（日本語）で返します。",
                };
                // The address the document was read from is not part of the contract (and would differ per host).
                document.Servers = [];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "保険者の API キー（msv insurer-key create で発行）。",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>The document for anyone (it describes the public contract); a browsable reference in Development only.</summary>
    public static WebApplication MapInsurerApiDocument(this WebApplication app)
    {
        app.MapOpenApi(Route).AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference("/api-reference", options => options.AddDocument(Name).WithOpenApiRoutePattern(Route))
                .AllowAnonymous()
                .AddEndpointFilter(async (context, next) =>
                {
                    // The reference runs its own scripts and styles, which the host's policy forbids everywhere else.
                    context.HttpContext.Response.Headers.ContentSecurityPolicy = SecurityHeaders.ReferencePagePolicy;
                    return await next(context);
                });
        }

        return app;
    }
}
