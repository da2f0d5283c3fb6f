package fr.marelle.planning;

import fr.marelle.platform.test.ServiceStartsContract;

@PlanningServiceTest
class ServiceStartsTest extends ServiceStartsContract {
}
