package fr.marelle.children;

import fr.marelle.platform.test.ServiceStartsContract;

@ChildrenServiceTest
class ServiceStartsTest extends ServiceStartsContract {
}
