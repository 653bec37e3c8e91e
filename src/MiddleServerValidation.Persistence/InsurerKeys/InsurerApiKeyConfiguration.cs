using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.InsurerKeys;

internal sealed class InsurerApiKeyConfiguration : IEntityTypeConfiguration<InsurerApiKey>
{
    public void Configure(EntityTypeBuilder<InsurerApiKey> builder)
    {
        builder.ToTable("insurer_api_keys");
        builder.HasKey(k => k.KeyId);
        builder.Property(k => k.KeyId).HasColumnName("key_id").HasMaxLength(32);
        builder.Property(k => k.InsurerNumber).HasColumnName("insurer_number").HasMaxLength(8);
        builder.Property(k => k.SecretHash).HasColumnName("secret_hash");
        builder.Property(k => k.Label).HasColumnName("label");
        builder.Property(k => k.CreatedAt).HasColumnName("created_at");
        builder.Property(k => k.RevokedAt).HasColumnName("revoked_at");
    }
}
