using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.FoundNumbers;

internal sealed class FoundNumberConfiguration : IEntityTypeConfiguration<FoundNumber>
{
    public void Configure(EntityTypeBuilder<FoundNumber> builder)
    {
        builder.ToTable("found_numbers");
        builder.HasKey(f => f.RegistrationId);
        builder.Property(f => f.RegistrationId).HasColumnName("registration_id");
        builder.Property(f => f.InsurerNumber).HasColumnName("insurer_number").HasMaxLength(8);
        builder.Property(f => f.RecordId).HasColumnName("record_id").HasMaxLength(64);
        builder.Property(f => f.NumberKey).HasColumnName("number_key");
        builder.Property(f => f.NumberCipher).HasColumnName("number_cipher");
        builder.Property(f => f.FoundAt).HasColumnName("found_at");
        builder.Property(f => f.RetrievedAt).HasColumnName("retrieved_at");
        builder.Property(f => f.RetrievedBy).HasColumnName("retrieved_by").HasMaxLength(64);
    }
}
