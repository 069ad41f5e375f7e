using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCase.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Administration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DisabledAt",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedUntil",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "users",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Boundary",
                table: "org_units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GridType",
                table: "org_units",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Population",
                table: "org_units",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "org_units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WithdrawnInVersion",
                table: "catalogue_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "admin_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorUnit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admin_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    County = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "holiday_schedules",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holiday_schedules", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "reference_versions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reference_versions", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_admin_changes_Area_Id",
                table: "admin_changes",
                columns: new[] { "Area", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_admin_changes_Subject_Id",
                table: "admin_changes",
                columns: new[] { "Subject", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_batches_County_ProposedAt",
                table: "catalogue_batches",
                columns: new[] { "County", "ProposedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admin_changes");

            migrationBuilder.DropTable(
                name: "catalogue_batches");

            migrationBuilder.DropTable(
                name: "holiday_schedules");

            migrationBuilder.DropTable(
                name: "reference_versions");

            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "users");

            migrationBuilder.DropColumn(
                name: "FailedSignIns",
                table: "users");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "users");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "users");

            migrationBuilder.DropColumn(
                name: "Boundary",
                table: "org_units");

            migrationBuilder.DropColumn(
                name: "GridType",
                table: "org_units");

            migrationBuilder.DropColumn(
                name: "Population",
                table: "org_units");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "org_units");

            migrationBuilder.DropColumn(
                name: "WithdrawnInVersion",
                table: "catalogue_items");
        }
    }
}
