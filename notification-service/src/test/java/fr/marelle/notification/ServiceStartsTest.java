package fr.marelle.notification;

import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ServiceStartsContract;

@MarelleServiceTest
class ServiceStartsTest extends ServiceStartsContract {
}
