using Microsoft.OpenApi;

namespace MiddleServerValidation.Web.OpenApi;

public static class CsvRequestBody
{
    /// <summary>
    /// Declares a CSV request body in the OpenAPI document only. <c>Accepts("text/csv")</c> would also make routing turn
    /// other content types away before the endpoint runs: they would meet the console's sign-in instead of the API key's
    /// 401 and the endpoint's own 415 problem.
    /// </summary>
    public static RouteHandlerBuilder AcceptsCsvInDocument(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            };
            return Task.CompletedTask;
        });
}
