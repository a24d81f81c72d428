import GRDB

/// An INSERT statement run once per row, its values bound straight to the statement.
///
/// `Statement.execute(arguments:)` boxes every value of every row into `StatementArguments` first; for the
/// million rows of a large corpus that cost more than SQLite's own work.
struct PreparedInsert {
    private let statement: Statement
    private let columnCount: Int

    /// - Parameter columns: how many values each row binds, checked against the statement's `?` once here
    ///   and against the values of each row.
    init(_ db: Database, sql: String, columns: Int) throws {
        statement = try db.makeStatement(sql: sql)
        columnCount = columns
        try statement.validateArguments(StatementArguments(Array(repeating: DatabaseValue.null, count: columns)))
    }

    /// Inserts one row: `values` in the order of the statement's `?`.
    func callAsFunction<each Value: StatementBinding>(_ values: repeat each Value) throws {
        statement.setUncheckedArguments(StatementArguments())  // resets the statement and clears the last row's values
        var index: CInt = 0
        for value in repeat each values {
            index += 1
            let code = value.bind(to: statement.sqliteStatement, at: index)
            guard code == 0 else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot bind value \(index)", sql: statement.sql) }
        }
        guard index == columnCount else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "\(index) values for \(columnCount) columns", sql: statement.sql)
        }
        try statement.execute()
    }
}
