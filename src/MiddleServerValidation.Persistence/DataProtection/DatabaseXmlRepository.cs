using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace MiddleServerValidation.Persistence.DataProtection;

/// <summary>
/// Keeps ASP.NET Core data-protection keys in <c>data_protection_keys</c>, so every web instance, and the next
/// start, can read the sign-in cookies and anti-forgery tokens the others issued. It stores what it is given: the
/// console seals each key's secret before (<c>Web/Review/KeyRing</c>) and reads only sealed keys back.
/// </summary>
/// <remarks>The interface is synchronous; the framework calls it rarely (start-up, key rotation).</remarks>
public sealed class DatabaseXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = dataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY id");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = dataSource.CreateCommand(
            "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES ($1, $2, now())");
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }
}
