package vn.danvan.identity;

/** One official of a unit: their Camunda user id, position and the title they hold ("Phó Chủ tịch UBND phường"). */
public record UnitOfficial(String userId, OfficialPosition position, String title) {}
