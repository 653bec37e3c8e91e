using System.Text.Json;

namespace MiddleServerValidation.Persistence;

/// <summary>How the jsonb columns (reasons, differences, notice payloads) are written and read: camelCase, as the contract.</summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
