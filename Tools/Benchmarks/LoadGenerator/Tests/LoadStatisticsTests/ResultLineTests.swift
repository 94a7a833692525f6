import Testing
import LoadStatistics

@Suite struct ResultLineTests {
    @Test func keepsOrder() {
        var line = ResultLine()
        line.append("calls", "120")
        line.append("p50_ms", "0.412")
        line.append("errors", "0")
        #expect(line.description == "calls=120 p50_ms=0.412 errors=0")
    }
}
