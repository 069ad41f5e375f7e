using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCase.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_number_counters",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_number_counters", x => new { x.Prefix, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CatalogueItemCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GridCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reporter_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    reporter_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Difficulty = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ResponsibleUnit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DispatchingUnit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Floor = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReturnCount = table.Column<int>(type: "integer", nullable: false),
                    ExtensionCount = table.Column<int>(type: "integer", nullable: false),
                    ExtraHours = table.Column<int>(type: "integer", nullable: false),
                    ReworkCount = table.Column<int>(type: "integer", nullable: false),
                    ClosureCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Satisfaction = table.Column<int>(type: "integer", nullable: true),
                    UnderSupervision = table.Column<bool>(type: "boolean", nullable: false),
                    SupervisedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ParkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ParkExplanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResolutionNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_categories",
                columns: table => new
                {
                    County = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_categories", x => new { x.County, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "catalogue_items",
                columns: table => new
                {
                    County = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OwningDepartment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DefaultLevel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HoursSimple = table.Column<int>(type: "integer", nullable: false),
                    HoursOrdinary = table.Column<int>(type: "integer", nullable: false),
                    HoursComplex = table.Column<int>(type: "integer", nullable: false),
                    HoursMajor = table.Column<int>(type: "integer", nullable: false),
                    CountsTowardClosureRate = table.Column<bool>(type: "boolean", nullable: false),
                    AddedInVersion = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_items", x => new { x.County, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "catalogues",
                columns: table => new
                {
                    County = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogues", x => x.County);
                });

            migrationBuilder.CreateTable(
                name: "org_units",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_units", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.UserName);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_GridCode",
                table: "cases",
                column: "GridCode");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Number",
                table: "cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_ResponsibleUnit_Status",
                table: "cases",
                columns: new[] { "ResponsibleUnit", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_items_County_CategoryCode",
                table: "catalogue_items",
                columns: new[] { "County", "CategoryCode" });

            migrationBuilder.CreateIndex(
                name: "IX_org_units_Level",
                table: "org_units",
                column: "Level");

            migrationBuilder.CreateIndex(
                name: "IX_org_units_ParentCode",
                table: "org_units",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_users_UnitCode",
                table: "users",
                column: "UnitCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_number_counters");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "catalogue_categories");

            migrationBuilder.DropTable(
                name: "catalogue_items");

            migrationBuilder.DropTable(
                name: "catalogues");

            migrationBuilder.DropTable(
                name: "org_units");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
