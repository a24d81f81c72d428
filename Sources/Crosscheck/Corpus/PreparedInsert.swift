import GRDB
import GRDBSQLite

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
    func callAsFunction<each Value: ColumnValue>(_ values: repeat each Value) throws {
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

/// A value of one column of a row that `PreparedInsert` writes.
protocol ColumnValue {
    /// Binds the value to the `index`th `?` of `statement`; returns SQLite's result code.
    func bind(to statement: SQLiteStatement, at index: CInt) -> CInt
}

extension String: ColumnValue {
    /// SQLite's `SQLITE_TRANSIENT`: SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Bound from its UTF-8 bytes, with their length. (GRDB's binding makes a C string of it first: an allocation and a
    /// copy per value, which SQLite then measures; a tenth of a large save.)
    func bind(to statement: SQLiteStatement, at index: CInt) -> CInt {
        var text = self
        return text.withUTF8 { bytes in
            // An empty string is text, not NULL: it needs a pointer that is not nil.
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_text(statement, index, "", 0, Self.transient) }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(statement, index, $0, CInt(bytes.count), Self.transient)
            }
        }
    }
}

extension Int: ColumnValue {
    func bind(to statement: SQLiteStatement, at index: CInt) -> CInt { sqlite3_bind_int64(statement, index, Int64(self)) }
}

extension Double: ColumnValue {
    func bind(to statement: SQLiteStatement, at index: CInt) -> CInt { sqlite3_bind_double(statement, index, self) }
}

extension Bool: ColumnValue {
    func bind(to statement: SQLiteStatement, at index: CInt) -> CInt { sqlite3_bind_int64(statement, index, self ? 1 : 0) }
}

extension Optional: ColumnValue where Wrapped: ColumnValue {
    func bind(to statement: SQLiteStatement, at index: CInt) -> CInt {
        guard let value = self else { return sqlite3_bind_null(statement, index) }
        return value.bind(to: statement, at: index)
    }
}
