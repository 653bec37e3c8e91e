using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Staff;

internal sealed class StaffAccountConfiguration : IEntityTypeConfiguration<StaffAccount>
{
    public void Configure(EntityTypeBuilder<StaffAccount> builder)
    {
        builder.ToTable("staff_accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id");
        builder.Property(a => a.UserName).HasColumnName("user_name").HasMaxLength(64);
        builder.Property(a => a.DisplayName).HasColumnName("display_name").HasMaxLength(100);
        builder.Property(a => a.Role).HasColumnName("role").HasMaxLength(16);
        builder.Property(a => a.PasswordHash).HasColumnName("password_hash");
        builder.Property(a => a.CreatedAt).HasColumnName("created_at");
        builder.Property(a => a.DisabledAt).HasColumnName("disabled_at");
        builder.HasIndex(a => a.UserName).IsUnique();
    }
}
